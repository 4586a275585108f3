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
  why: 'An outboundTrafficPolicy without a mode means REGISTRY_ONLY, not the mesh\'s mode: in a mesh that runs ALLOW_ANY, "outboundTrafficPolicy: {}" silently blocks every destination outside the service registry. Kiali flags it as ambiguous. When the input holds the mesh config (the istio ConfigMap) and it says REGISTRY_ONLY, the finding is only an info.',
  fix: 'Write mode: REGISTRY_ONLY or mode: ALLOW_ANY, or remove outboundTrafficPolicy to keep the mesh\'s mode.',
  references: ['KIA1007'],
  sources: [RuleSource.KIALI, RuleSource.SEMANTICS],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: {} })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })],
  },
  check(sidecar, report, mesh) {
    const policy = sidecarView(sidecar).outboundPolicy;
    if (!policy || isPresent(policy.mode)) return;
    const fix = 'write mode: REGISTRY_ONLY or mode: ALLOW_ANY explicitly, or remove outboundTrafficPolicy to keep the mesh\'s mode';
    // The trap bites only in a mesh that runs ALLOW_ANY; when the input's mesh config says
    // REGISTRY_ONLY the Sidecar behaves as the mesh does, and only the ambiguity (KIA1007) is left.
    const meshMode = mesh.meshOutboundMode;
    if (meshMode?.mode === 'REGISTRY_ONLY') {
      report(policy.path, `outboundTrafficPolicy has no mode, which means REGISTRY_ONLY, the same as the mesh's mode (from ${meshMode.source}), so nothing changes today, but it reads as "the mesh's mode" and Kiali flags it as ambiguous; ${fix}`, Severity.INFO);
      return;
    }
    const meshPhrase = meshMode ? `not the mesh's mode ALLOW_ANY (from ${meshMode.source})` : 'not the mesh\'s outboundTrafficPolicy mode';
    report(policy.path, `outboundTrafficPolicy has no mode, so Istio uses REGISTRY_ONLY for this Sidecar, ${meshPhrase}: destinations outside the service registry are blocked; ${fix}`);
  },
};
