import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { CALLS_ANNOTATION } from '../../syntax/call';
import { CALL_CONCERNS, declaredCallOutcomes, describeCall } from '../support/declared-call-outcomes';
import { deploymentManifest, serviceEntryManifest } from '../support/mesh-examples';

// O(c): each declared call was looked up once, by host, in declaredCallOutcomes.
export const callHostUndefined: MeshRule = {
  id: 'X-CALL-HOST-UNDEFINED',
  scope: 'mesh',
  concerns: CALL_CONCERNS,
  severity: Severity.WARNING,
  title: 'Every declared call names a host some Service or ServiceEntry defines',
  why: 'A proxy only knows the hosts of the service registry. A call to a host no Service or ServiceEntry defines is outside every scope: under REGISTRY_ONLY it goes to the BlackHoleCluster, under ALLOW_ANY it leaves the mesh unmanaged. A warning while the input may be part of the registry, an error when it is the whole registry.',
  fix: 'Fix the host, or add the Service or a ServiceEntry for it (and import it in the Sidecar).',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'With registry "partial" the host may be defined outside the input, so the finding is a warning; with registry "complete" it is an error.',
  examples: {
    failing: [deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'api.example.org:443' }), serviceEntryManifest('prod', 'api', ['api.example.com'])],
    passing: [deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'api.example.com:443' }), serviceEntryManifest('prod', 'api', ['api.example.com'])],
  },
  check(mesh, report) {
    const severity = mesh.registryIsComplete ? Severity.ERROR : Severity.WARNING;
    for (const { scope, call, answer } of declaredCallOutcomes(mesh)) {
      if (answer) continue;
      const consequence = scope.outbound.mode === 'REGISTRY_ONLY'
        ? `under REGISTRY_ONLY (${scope.outbound.from}) the call goes to the BlackHoleCluster`
        : `under ALLOW_ANY (${scope.outbound.from}) the call leaves the mesh through the PassthroughCluster, unmanaged`;
      report(scope.selection.workload,
        `${describeCall(call)}: no Service or ServiceEntry in the input defines "${call.host}", so no Sidecar can import it and ${consequence}; `
        + `fix the host, or define it (a ServiceEntry for an external host) and import it${mesh.registryIsComplete
          ? ' (assumed: the input is the whole registry, registry "complete")'
          : ' (the input may be part of the registry, registry "partial": if the host is defined elsewhere, suppress this rule for this workload)'}`,
        { path: call.path, severity, ...(scope.sidecar ? { related: [scope.sidecar] } : {}) });
    }
  },
};
