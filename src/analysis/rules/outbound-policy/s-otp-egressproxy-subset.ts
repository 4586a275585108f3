import { Severity } from '../../finding';
import { fieldPath, stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { isDns1123Label } from '../../syntax/dns';
import { sidecarManifest } from '../support/example-manifests';

export const otpEgressProxySubset: SidecarRule = {
  id: 'S-OTP-EGRESSPROXY-SUBSET',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'egressProxy.subset is a DNS label',
  why: 'Istio rejects an egressProxy whose subset is not a DNS label: subset names of a DestinationRule are DNS labels, so no subset could match.',
  fix: 'Use the name of a subset of the proxy\'s DestinationRule (letters, digits and "-", at most 63 characters), or leave subset out.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 }, subset: 'Bad_Subset' } } })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 }, subset: 'v1' } } })],
  },
  check(sidecar, report) {
    const proxy = sidecarView(sidecar).outboundPolicy?.egressProxy;
    const subset = stringAt(proxy?.raw, 'subset');
    // Istio skips an empty subset: it means the whole service.
    if (!proxy || subset === undefined || subset === '' || isDns1123Label(subset)) return;
    report(fieldPath(proxy.path, 'subset'), `egressProxy subset ${JSON.stringify(subset)} is not a DNS label: use the name of a DestinationRule subset (at most 63 letters, digits and "-", starting and ending with a letter or digit), e.g. "v1", or leave subset out`);
  },
};
