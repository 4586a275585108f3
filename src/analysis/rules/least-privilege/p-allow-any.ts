import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { RulePack } from '../../rule-pack';
import { sidecarView } from '../../sidecar-view';
import { meshSidecar } from '../support/mesh-examples';

// O(s): one look at each Sidecar's outbound policy.
export const allowAny: MeshRule = {
  id: 'P-ALLOW-ANY',
  scope: 'mesh',
  pack: RulePack.LEAST_PRIVILEGE,
  severity: Severity.WARNING,
  title: 'A Sidecar does not set outboundTrafficPolicy ALLOW_ANY',
  why: 'Under ALLOW_ANY a call to a host outside the proxy\'s scope still leaves, through the PassthroughCluster, to wherever the application sent it: the scope limits what the proxy is configured for, not what it can reach.',
  fix: 'Set outboundTrafficPolicy.mode to REGISTRY_ONLY (or leave the mode out, which is REGISTRY_ONLY) and import or define (ServiceEntry) every host the workloads call.',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'None: it reads each Sidecar alone. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('prod', 'default', undefined, { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } })],
    passing: [meshSidecar('prod', 'default', undefined, { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })],
  },
  check(mesh, report) {
    for (const sidecar of mesh.sidecars) {
      const policy = sidecarView(sidecar).outboundPolicy;
      if (policy?.mode !== 'ALLOW_ANY') continue;
      report(sidecar, 'this Sidecar sets outboundTrafficPolicy ALLOW_ANY: its proxies pass calls outside their scope through to any destination; set REGISTRY_ONLY and import what they call',
        { path: `${policy.path}.mode` });
    }
  },
};
