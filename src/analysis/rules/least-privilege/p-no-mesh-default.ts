import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { RulePack } from '../../rule-pack';
import { selectSidecars } from '../../selection';
import { SelectionVia } from '../../selection-via';
import { WorkloadResource } from '../../snapshot';
import { WORKLOAD_KINDS } from '../../workloads';
import { deploymentManifest, meshSidecar } from '../support/mesh-examples';

// O(w): reads the selection computed once per snapshot.
export const noMeshDefault: MeshRule = {
  id: 'P-NO-MESH-DEFAULT',
  scope: 'mesh',
  pack: RulePack.LEAST_PRIVILEGE,
  concerns: [...WORKLOAD_KINDS],
  severity: Severity.WARNING,
  title: 'The root namespace has a Sidecar without a selector, so no namespace falls back to the whole mesh',
  why: 'Without a mesh-wide default Sidecar (no workloadSelector, in the root namespace), every namespace without a Sidecar of its own gets istiod\'s built-in default: its proxies import every host exported to the namespace, the whole mesh. That costs memory and push time in every proxy, and lets any of them reach any service the mesh knows.',
  fix: 'Add a Sidecar without a workloadSelector to the root namespace (MeshDefaultSidecar) importing "./*" and "istio-system/*", or give the namespace a Sidecar of its own.',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'Takes the input to hold the mesh\'s Sidecars: a root default deployed outside it is not seen (suppress the rule then). Reported once per namespace with workloads that fall back to the built-in default, on its first such workload. Independent of the registry setting.',
  examples: {
    failing: [deploymentManifest('prod', 'web', { app: 'web' })],
    passing: [meshSidecar('istio-system', 'default'), deploymentManifest('prod', 'web', { app: 'web' })],
  },
  check(mesh, report) {
    const byNamespace = new Map<string, WorkloadResource[]>();
    for (const selection of selectSidecars(mesh).workloads) {
      if (selection.via !== SelectionVia.BUILTIN_DEFAULT) continue;
      const namespace = selection.workload.ref.namespace ?? '';
      const list = byNamespace.get(namespace);
      if (list) list.push(selection.workload);
      else byNamespace.set(namespace, [selection.workload]);
    }
    for (const [namespace, [first, ...others]] of byNamespace) {
      const count = others.length + 1;
      report(first,
        `namespace "${namespace}" has no Sidecar of its own and the root namespace "${mesh.rootNamespace}" has no Sidecar without a selector, `
        + `so ${count === 1 ? 'this workload gets' : `its ${count} workloads get`} istiod's built-in default: every host exported to the namespace, the whole mesh; `
        + `add a mesh default Sidecar in "${mesh.rootNamespace}" (MeshDefaultSidecar) or a Sidecar in "${namespace}"`,
        { ...(others.length > 0 ? { related: others } : {}) });
    }
  },
};
