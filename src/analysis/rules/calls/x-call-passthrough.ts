import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { CALLS_ANNOTATION } from '../../syntax/call';
import { CALL_CONCERNS, declaredCallOutcomes, describeCall } from '../support/declared-call-outcomes';
import { deploymentManifest, meshSidecar, serviceManifest } from '../support/mesh-examples';

// O(c): reads the outcomes X-CALL-NOT-REACHABLE computed.
export const callPassthrough: MeshRule = {
  id: 'X-CALL-PASSTHROUGH',
  scope: 'mesh',
  concerns: CALL_CONCERNS,
  severity: Severity.WARNING,
  title: 'No declared call leaves the mesh through ALLOW_ANY passthrough',
  why: 'Under ALLOW_ANY a call outside the proxy\'s scope still arrives, through the PassthroughCluster, as plain TCP to wherever the application sent it: no mesh routing, no retries or timeouts, no authorization policy and no mTLS. A declared call that only works this way is one tightened REGISTRY_ONLY away from failing.',
  fix: 'Import the host in the Sidecar (the message names the egress host and the listener), so the call stays in the mesh.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'Judges calls to hosts the input defines (X-CALL-HOST-UNDEFINED reports the others), under an ALLOW_ANY policy the Sidecar, the mesh config or the outboundTrafficPolicy setting states.',
  examples: {
    failing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }),
      deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:80' }), serviceManifest('bookinfo', 'reviews'),
    ],
    passing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'bookinfo/*'] }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }),
      deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:80' }), serviceManifest('bookinfo', 'reviews'),
    ],
  },
  check(mesh, report) {
    for (const { scope, call, answer } of declaredCallOutcomes(mesh)) {
      if (!answer?.passthrough || scope.outbound.assumed) continue;
      report(scope.selection.workload, `${describeCall(call)} leaves the mesh: ${answer.reason}`,
        { path: call.path, ...(scope.sidecar ? { related: [scope.sidecar] } : {}) });
    }
  },
};
