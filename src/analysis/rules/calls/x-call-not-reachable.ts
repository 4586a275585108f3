import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { CALLS_ANNOTATION } from '../../syntax/call';
import { CALL_CONCERNS, declaredCallOutcomes, describeCall } from '../support/declared-call-outcomes';
import { deploymentManifest, meshSidecar, serviceManifest } from '../support/mesh-examples';

const ASSUMED = 'the outbound policy is not known (no Sidecar policy, mesh config or outboundTrafficPolicy setting): under REGISTRY_ONLY the call fails, '
  + 'under Istio\'s default ALLOW_ANY it leaves the mesh without routing, policy or mTLS';

// O(c·d): each declared call is answered once from its scope's indexes (d: the host's labels).
export const callNotReachable: MeshRule = {
  id: 'X-CALL-NOT-REACHABLE',
  scope: 'mesh',
  concerns: CALL_CONCERNS,
  severity: Severity.ERROR,
  title: 'Every declared call is inside the caller\'s scope',
  why: 'A Sidecar\'s egress listeners decide which services the proxy is configured for, per port. A call outside that scope is dropped under REGISTRY_ONLY (the BlackHoleCluster); it is the classic breakage of tightening egress hosts to save proxy memory, and nothing reports it before traffic fails. '
    + 'The finding says why (no listener on the port, not imported, not exported to the namespace, no such port) and the egress host to add, on which listener.',
  fix: 'Add the egress host the message names to the listener it names (or export the service to the caller\'s namespace), or drop the call.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'Judges calls to hosts the input defines (X-CALL-HOST-UNDEFINED reports the others); the definitions the input holds are taken to be all there are for those hosts.',
  examples: {
    failing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }),
      deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:80' }), serviceManifest('bookinfo', 'reviews'),
    ],
    passing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'bookinfo/reviews.bookinfo.svc.cluster.local'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }),
      deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:80' }), serviceManifest('bookinfo', 'reviews'),
    ],
  },
  check(mesh, report) {
    for (const { scope, call, answer } of declaredCallOutcomes(mesh)) {
      if (!answer || (answer.reachable && !answer.passthrough)) continue;
      // A known ALLOW_ANY passes the call through: X-CALL-PASSTHROUGH's.
      if (answer.passthrough && !scope.outbound.assumed) continue;
      const reason = answer.passthrough ? `${ASSUMED}. ${answer.reason}` : answer.reason;
      report(scope.selection.workload, `${describeCall(call)} is outside the workload's scope: ${reason}`,
        { path: call.path, ...(scope.sidecar ? { related: [scope.sidecar] } : {}) });
    }
  },
};
