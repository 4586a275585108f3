import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { selectSidecars } from '../../selection';
import { sidecarView } from '../../sidecar-view';
import { WORKLOAD_KINDS } from '../../workloads';
import { meshSidecar, namespaceManifest } from '../support/mesh-examples';
import { isAmbientWorkload, isNamespaceWide, objectList } from '../support/mesh-helpers';

// O(n + matches): each Sidecar reads its matched workloads from selection.
export const ambientIneffective: MeshRule = {
  id: 'X-AMBIENT-INEFFECTIVE',
  scope: 'mesh',
  concerns: ['Sidecar', ...WORKLOAD_KINDS],
  severity: Severity.WARNING,
  title: 'A Sidecar does not apply only to ambient pods, or to an ambient namespace',
  why: 'Ambient pods run no sidecar proxy (ztunnel and waypoints carry their traffic), so a Sidecar resource has no effect on them. istioctl analyze reports it; the Sidecar is dead configuration that suggests restrictions which do not exist.',
  fix: 'Delete the Sidecar, or opt the pods or namespace into sidecar injection if they are meant to run a sidecar.',
  references: ['IST0167'],
  sources: [RuleSource.ANALYZER],
  registryAssumption: 'Judges the Namespaces and pods the input holds: a namespace whose Namespace object is not in the input is taken as not ambient (as istioctl analyze does). Independent of the registry setting.',
  examples: {
    failing: [namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient' }), meshSidecar('prod', 'default')],
    passing: [namespaceManifest('prod', { 'istio-injection': 'enabled' }), meshSidecar('prod', 'default')],
  },
  check(mesh, report) {
    const { matchedBy } = selectSidecars(mesh);
    for (const sidecar of mesh.sidecars) {
      const namespace = sidecar.ref.namespace;
      if (isNamespaceWide(sidecar) && mesh.isAmbientNamespace(namespace)) {
        report(sidecar,
          `namespace "${namespace}" runs in ambient mode (labelled istio.io/dataplane-mode: ambient), whose pods have no sidecar proxy, so this namespace-wide Sidecar has no effect; `
          + 'delete it, or enable sidecar injection for the namespace if its pods are meant to run sidecars');
        continue;
      }
      if (sidecarView(sidecar).selectorForm === 'absent' || sidecarView(sidecar).selectorForm === 'malformed') continue;
      const matched = matchedBy.get(sidecar) ?? [];
      if (matched.length === 0 || !matched.every((w) => isAmbientWorkload(mesh, w))) continue;
      report(sidecar,
        `every pod this Sidecar selects is captured by ambient mode and has no sidecar proxy (${objectList(matched)}), so this Sidecar has no effect; `
        + 'delete it, or move those workloads to sidecar mode',
        { path: 'spec.workloadSelector', related: matched });
    }
  },
};

