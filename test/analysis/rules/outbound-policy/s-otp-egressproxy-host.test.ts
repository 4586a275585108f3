import { describeRule } from '../../rule-cases';

const withHost = (host: unknown) => ({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host, port: { number: 3128 } } } });

describeRule('S-OTP-EGRESSPROXY-HOST', {
  good: [
    { name: 'a fully-qualified service host', spec: withHost('egress-proxy.infra.svc.cluster.local') },
    { name: 'a two-label host with a trailing dot', spec: withHost('foo.bar.') },
    { name: 'a host of the wrong type is the schema rule\'s', spec: withHost(42) },
    { name: 'no proxy', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } },
  ],
  bad: [
    {
      name: 'a partial wildcard -> error',
      spec: withHost('foobar*123'),
      path: 'spec.outboundTrafficPolicy.egressProxy.host',
      message: 'egressProxy host "foobar*123" is not a fully-qualified host name (the label "foobar*123" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)): name one service without wildcards, e.g. "egress-proxy.infra.svc.cluster.local"',
    },
    { name: '"*" -> error', spec: withHost('*'), count: 1 },
    { name: 'a wildcard domain -> error', spec: withHost('*.example.com'), count: 1 },
    { name: 'an IP address -> error', spec: withHost('10.0.0.1'), message: /all digits/ },
    { name: 'an empty host -> error', spec: withHost(''), message: /the domain name is empty/ },
    {
      name: 'no host (required by the CRD) -> error',
      spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { port: { number: 3128 } } } },
      message: 'egressProxy has no host: set host to the fully-qualified name of the proxy service, e.g. "egress-proxy.infra.svc.cluster.local"',
    },
    { name: 'checked whatever the mode', spec: { outboundTrafficPolicy: { egressProxy: { host: 'bad_host.com' } } }, count: 1 },
  ],
});
