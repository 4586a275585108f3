import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { POLICY_PATH, isAbsent, outboundPolicyOf } from '../support/policy-fields';

export const otpModeDefaultRegistryOnly: SidecarRule = {
  id: 'S-OTP-MODE-DEFAULT-REGISTRY-ONLY',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'An outboundTrafficPolicy states its mode',
  why: 'An outboundTrafficPolicy without a mode means REGISTRY_ONLY, not the mesh\'s mode: in a mesh that runs ALLOW_ANY, "outboundTrafficPolicy: {}" silently blocks every destination outside the service registry. Kiali flags it as ambiguous.',
  fix: 'Write mode: REGISTRY_ONLY or mode: ALLOW_ANY, or remove outboundTrafficPolicy to keep the mesh\'s mode.',
  references: ['KIA1007'],
  sources: [RuleSource.KIALI, RuleSource.SEMANTICS],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: {} })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })],
  },
  check(sidecar, report) {
    const policy = outboundPolicyOf(sidecar);
    if (!policy || !isAbsent(policy.mode)) return;
    report(POLICY_PATH, 'outboundTrafficPolicy has no mode, so Istio uses REGISTRY_ONLY for this Sidecar, not the mesh\'s outboundTrafficPolicy mode: destinations outside the service registry are blocked; write mode: REGISTRY_ONLY or mode: ALLOW_ANY explicitly, or remove outboundTrafficPolicy to keep the mesh\'s mode');
  },
};
