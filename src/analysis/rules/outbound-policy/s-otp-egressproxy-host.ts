import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { fqdnProblem } from '../../syntax/dns';
import { sidecarManifest } from '../support/example-manifests';
import { PROXY_PATH, isAbsent, outboundPolicyOf } from '../support/policy-fields';

const HOST_EXAMPLE = 'e.g. "egress-proxy.infra.svc.cluster.local"';

export const otpEgressProxyHost: SidecarRule = {
  id: 'S-OTP-EGRESSPROXY-HOST',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'egressProxy.host is a fully-qualified host name without wildcards',
  why: 'The CRD requires egressProxy.host and Istio rejects a host that is not a valid fully-qualified domain name: the proxy must be one service of the registry, so "*" and "*.example.com" are not allowed.',
  fix: 'Set host to the fully-qualified name of the proxy service, e.g. "egress-proxy.infra.svc.cluster.local".',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK, RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'foobar*123', port: { number: 3128 } } } })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 } } } })],
  },
  check(sidecar, report) {
    const proxy = outboundPolicyOf(sidecar)?.egressProxy;
    if (!proxy) return;
    const path = fieldPath(PROXY_PATH, 'host');
    const host = proxy.host;
    if (isAbsent(host)) {
      report(path, `egressProxy has no host: set host to the fully-qualified name of the proxy service, ${HOST_EXAMPLE}`);
    } else if (typeof host === 'string') {
      const problem = fqdnProblem(host);
      if (problem) report(path, `egressProxy host ${JSON.stringify(host)} is not a fully-qualified host name (${problem}): name one service without wildcards, ${HOST_EXAMPLE}`);
    }
  },
};
