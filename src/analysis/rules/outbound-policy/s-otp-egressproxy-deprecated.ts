import { Severity } from '../../finding';
import { isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { EXAMPLE_PROXY, sidecarManifest } from '../support/example-manifests';

export const otpEgressProxyDeprecated: SidecarRule = {
  id: 'S-OTP-EGRESSPROXY-DEPRECATED',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'outboundTrafficPolicy does not use the deprecated egressProxy',
  why: 'egressProxy is no longer documented and istioctl analyze reports it as deprecated and ignored (IST0002), although istiod still routes unknown traffic to it: its behaviour can change or go away without notice.',
  fix: 'Declare external destinations with ServiceEntries, or route them through an egress gateway, and remove egressProxy.',
  references: ['IST0002'],
  sources: [RuleSource.ANALYZER],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: EXAMPLE_PROXY } })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY' } })],
  },
  check(sidecar, report) {
    const policy = sidecarView(sidecar).outboundPolicy;
    if (!policy || !isPresent(policy.raw.egressProxy)) return;
    report(policy.egressProxyPath, 'egressProxy is deprecated: istioctl analyze reports it as ignored (IST0002) and Istio no longer documents it, although istiod still sends unknown traffic to it; declare external destinations with ServiceEntries or route them through an egress gateway, and remove egressProxy');
  },
};
