import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { RulePack } from '../../rule-pack';
import { sidecarView } from '../../sidecar-view';
import { meshSidecar } from '../support/mesh-examples';

// O(s): one look at each Sidecar's egress hosts.
export const wideDefault: MeshRule = {
  id: 'P-WIDE-DEFAULT',
  scope: 'mesh',
  pack: RulePack.LEAST_PRIVILEGE,
  severity: Severity.WARNING,
  title: 'A namespace or mesh default Sidecar does not import "*/*"',
  why: 'A Sidecar without a workloadSelector is the default of its namespace (or, in the root namespace, of the whole mesh): every proxy it applies to gets what it imports. "*/*" (or no egress at all, which means the same) imports every host of every namespace, so the default narrows nothing.',
  fix: 'Import the namespaces the workloads call ("./*", "istio-system/*", "bookinfo/*") instead of "*/*", and give the workloads that need more a Sidecar with a workloadSelector.',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'None: it reads each Sidecar without a selector alone. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['*/*'] }] })],
    passing: [meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'istio-system/*'] }] })],
  },
  check(mesh, report) {
    for (const sidecar of mesh.sidecars) {
      if (sidecar.hasSelectorField) continue;
      const role = sidecar.ref.namespace === mesh.rootNamespace ? 'the mesh default (no workloadSelector, in the root namespace)' : `the default of namespace "${sidecar.ref.namespace ?? ''}" (no workloadSelector)`;
      const { egress } = sidecarView(sidecar);
      if (egress.length === 0) {
        report(sidecar, `this Sidecar is ${role} and has no egress, which imports "*/*": every host of every namespace; import only the namespaces its workloads call`, { path: 'spec' });
        continue;
      }
      for (const listener of egress) {
        for (const at of listener.hosts) {
          if (at.host !== '*/*') continue;
          report(sidecar, `this Sidecar is ${role} and imports "*/*": every host of every namespace; import only the namespaces its workloads call`, { path: at.path });
        }
      }
    }
  },
};
