import { Severity } from '../../finding';
import { isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

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
    const policy = sidecarView(sidecar).outboundPolicy;
    if (!policy || isPresent(policy.mode)) return;
    report(policy.path, 'outboundTrafficPolicy has no mode, so Istio uses REGISTRY_ONLY for this Sidecar, not the mesh\'s outboundTrafficPolicy mode: destinations outside the service registry are blocked; write mode: REGISTRY_ONLY or mode: ALLOW_ANY explicitly, or remove outboundTrafficPolicy to keep the mesh\'s mode');
  },
};
