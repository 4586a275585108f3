import { describeRule } from '../../rule-cases';

const ingress = (protocol: unknown) => ({ ingress: [{ port: { number: 9080, protocol } }] });

describeRule('S-PORT-PROTOCOL', {
  good: [
    { name: 'every protocol Istio accepts', spec: { egress: ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY', 'TCP', 'TLS', 'UDP', 'MONGO', 'REDIS', 'MYSQL'].map((protocol, i) => ({ port: { number: 1000 + i, protocol }, hosts: ['./*'] })) } },
    { name: 'letter case does not matter', spec: ingress('grpc-Web') },
    { name: 'no protocol lets Istio sniff it', spec: { ingress: [{ port: { number: 80 } }, { port: { number: 81, protocol: '' } }] } },
    { name: 'a non-string protocol is the schema rule\'s', spec: ingress(80) },
  ],
  bad: [
    {
      name: 'http1 -> error suggesting HTTP',
      spec: ingress('http1'),
      path: 'spec.ingress[0].port.protocol',
      message: 'ingress port protocol "http1" is not one Istio accepts: expected one of HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, REDIS, MYSQL (or no protocol, to let Istio sniff it); did you mean "HTTP"?',
    },
    { name: 'grpc_web -> error suggesting GRPC-WEB', spec: ingress('grpc_web'), message: /did you mean "GRPC-WEB"\?$/ },
    { name: 'h2c -> error suggesting HTTP2', spec: ingress('h2c'), message: /did you mean "HTTP2"\?$/ },
    { name: 'HBONE -> error without a suggestion', spec: ingress('HBONE'), message: /let Istio sniff it\)$/ },
    { name: 'a Unix-socket egress port is checked too -> error', spec: { egress: [{ port: { protocol: 'SQL' }, bind: 'unix:///a.sock', hosts: ['./*'] }] }, path: 'spec.egress[0].port.protocol' },
    {
      name: 'every bad protocol is reported',
      spec: { ingress: [{ port: { number: 80, protocol: 'web' } }], egress: [{ port: { number: 81, protocol: 'tcp' }, hosts: ['./*'] }, { port: { number: 82, protocol: 'quic' }, hosts: ['./*'] }] },
      paths: ['spec.ingress[0].port.protocol', 'spec.egress[1].port.protocol'],
    },
  ],
});
