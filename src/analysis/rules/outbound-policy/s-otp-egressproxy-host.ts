import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { fqdnProblem } from '../../syntax/dns';
import { sidecarManifest } from '../support/example-manifests';
import { reportSchemaProblems } from '../support/schema-rule';

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
    // A missing host is the CRD's (the model gives it to this rule); a malformed one the webhook's.
    reportSchemaProblems(sidecar, otpEgressProxyHost.id, () => `egressProxy has no host: set host to the fully-qualified name of the proxy service, ${HOST_EXAMPLE}`, report);
    const proxy = sidecarView(sidecar).outboundPolicy?.egressProxy;
    const host = proxy?.raw.host;
    if (!proxy || typeof host !== 'string') return;
    const problem = fqdnProblem(host);
    if (problem) report(fieldPath(proxy.path, 'host'), `egressProxy host ${JSON.stringify(host)} is not a fully-qualified host name (${problem}): name one service without wildcards, ${HOST_EXAMPLE}`);
  },
};
