import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { isIstioKind } from '../../snapshot';
import { meshSidecar, serviceEntryManifest } from '../support/mesh-examples';

// O(n): one pass over the input.
export const namespaceUnset: MeshRule = {
  id: 'X-NAMESPACE-UNSET',
  scope: 'mesh',
  concerns: ['Sidecar', 'ServiceEntry'],
  severity: Severity.WARNING,
  title: 'Every Sidecar and ServiceEntry sets metadata.namespace',
  why: 'Without metadata.namespace the object lands in whatever namespace kubectl uses when it is applied (the current context\'s, often "default"). A Sidecar\'s namespace decides which pods it applies to and whether it is the mesh default, and a ServiceEntry\'s decides who sees its hosts, so every namespace check can only guess.',
  fix: 'Set the chart\'s namespace (new Chart(app, id, { namespace })) or the object\'s metadata.namespace.',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'None: it reads each object alone. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar(null, 'default'), serviceEntryManifest(null, 'api', ['api.example.com'])],
    passing: [meshSidecar('prod', 'default'), serviceEntryManifest('prod', 'api', ['api.example.com'])],
  },
  check(mesh, report) {
    for (const resource of mesh.resources) {
      const kind = isIstioKind(resource.manifest, 'Sidecar') ? 'Sidecar' : isIstioKind(resource.manifest, 'ServiceEntry') ? 'ServiceEntry' : undefined;
      if (!kind || resource.ref.namespace) continue;
      report(resource,
        `this ${kind} has no metadata.namespace, so it lands in whatever namespace kubectl uses when it is applied, and every check that depends on its namespace `
        + `(${kind === 'Sidecar' ? 'which pods it applies to, the mesh default' : 'who sees its hosts'}) can only guess; set the chart's namespace or metadata.namespace`,
        { path: 'metadata.namespace' });
    }
  },
};
