import { Severity } from '../../finding';
import { isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { EXAMPLE_PROXY, sidecarManifest } from '../support/example-manifests';

export const otpEgressProxyRequiresAllowAny: SidecarRule = {
  id: 'S-OTP-EGRESSPROXY-REQUIRES-ALLOW-ANY',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An egressProxy comes with mode ALLOW_ANY',
  why: 'The egress proxy receives traffic to unknown destinations, which only ALLOW_ANY lets through; Istio rejects an egressProxy with REGISTRY_ONLY, and an omitted mode means REGISTRY_ONLY.',
  fix: 'Set outboundTrafficPolicy.mode to ALLOW_ANY, or remove egressProxy.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: { egressProxy: EXAMPLE_PROXY } })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: EXAMPLE_PROXY } })],
  },
  check(sidecar, report) {
    const policy = sidecarView(sidecar).outboundPolicy;
    if (!policy?.egressProxy) return;
    // Any other mode value is S-OTP-MODE-ENUM's (or the schema rule's).
    if (!isPresent(policy.mode)) {
      report(policy.egressProxyPath, 'egressProxy needs mode ALLOW_ANY, but outboundTrafficPolicy has no mode, which means REGISTRY_ONLY: set mode: ALLOW_ANY, or remove egressProxy');
    } else if (policy.mode === 'REGISTRY_ONLY') {
      report(policy.egressProxyPath, 'egressProxy needs mode ALLOW_ANY, but outboundTrafficPolicy mode is "REGISTRY_ONLY", which never sends traffic to unknown destinations: set mode: ALLOW_ANY, or remove egressProxy');
    }
  },
};
