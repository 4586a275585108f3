import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { selectSidecars } from '../../selection';
import { sidecarView } from '../../sidecar-view';
import { WORKLOAD_KINDS, isGatewayPod } from '../../workloads';
import { deploymentManifest, selectorSidecar } from '../support/mesh-examples';
import { objectList } from '../support/mesh-helpers';

// O(n + matches): each Sidecar reads its matched workloads from selection.
export const notForGateways: MeshRule = {
  id: 'X-NOT-FOR-GATEWAYS',
  scope: 'mesh',
  concerns: ['Sidecar', ...WORKLOAD_KINDS],
  severity: Severity.WARNING,
  title: 'A Sidecar does not select gateways only',
  why: 'Gateways and waypoints run a router proxy that never reads Sidecar resources, even when the labels match. A Sidecar whose workloadSelector only selects gateways has no effect, and the limits it seems to set are not enforced.',
  fix: 'Delete the Sidecar, or point its workloadSelector at sidecar-injected workloads; configure gateways with Gateway and VirtualService resources.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'Judges the workloads the input holds, taking those the selector matches there for all it matches (a sidecar-injected workload outside the input would make the Sidecar effective); silent when it matches none. Independent of the registry setting.',
  examples: {
    failing: [
      selectorSidecar('istio-ingress', 'gateway', { istio: 'ingressgateway' }),
      deploymentManifest('istio-ingress', 'istio-ingressgateway', { app: 'istio-ingressgateway', istio: 'ingressgateway' }),
    ],
    passing: [
      selectorSidecar('prod', 'ratings', { app: 'ratings' }),
      deploymentManifest('prod', 'ratings', { app: 'ratings' }),
    ],
  },
  check(mesh, report) {
    const { matchedBy } = selectSidecars(mesh);
    for (const sidecar of mesh.sidecars) {
      const form = sidecarView(sidecar).selectorForm;
      if (form !== 'labels' && form !== 'empty') continue;
      const matched = matchedBy.get(sidecar) ?? [];
      if (matched.length === 0 || !matched.every((w) => isGatewayPod(w.pod))) continue;
      report(sidecar,
        `this Sidecar only selects gateways (${objectList(matched)}), and a gateway proxy never reads Sidecar resources, so it has no effect; `
        + 'delete it or select sidecar-injected workloads instead (configure gateways with Gateway and VirtualService resources)',
        { path: 'spec.workloadSelector', related: matched });
    }
  },
};
