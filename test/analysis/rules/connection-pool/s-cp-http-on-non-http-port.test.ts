import { describeRule } from '../../rule-cases';

const HTTP_POOL = { http: { http2MaxRequests: 100 } };
const listener = (port: unknown, connectionPool: unknown = HTTP_POOL) => ({ ingress: [{ port, connectionPool }] });

describeRule('S-CP-HTTP-ON-NON-HTTP-PORT', {
  good: [
    { name: 'a listener without a port is S-IN-PORT-REQUIRED\'s to report (Istio checks nothing else on it)', spec: { ingress: [{ connectionPool: HTTP_POOL }] } },
    {
      name: 'HTTP settings on every HTTP-like protocol, in any case',
      spec: { ingress: ['HTTP', 'http2', 'GRPC', 'grpc-web', 'HTTP_PROXY'].map((protocol, i) => ({ port: { number: 80 + i, protocol }, connectionPool: HTTP_POOL })) },
    },
    { name: 'only tcp settings on a TCP port', spec: listener({ number: 9000, protocol: 'TCP' }, { tcp: { maxConnections: 10 } }) },
    { name: 'the Sidecar-wide pool is not tied to a port', spec: { inboundConnectionPool: HTTP_POOL } },
    { name: 'http: null is no HTTP settings', spec: listener({ number: 9000, protocol: 'TCP' }, { http: null, tcp: {} }) },
    { name: 'a wrong-typed port is left to the schema rule', spec: listener('9000') },
  ],
  bad: [
    {
      name: 'HTTP settings on a TCP port -> warning',
      spec: listener({ number: 9000, protocol: 'TCP', name: 'tcp' }),
      path: 'spec.ingress[0].connectionPool.http',
      message: 'ingress port 9000 has protocol "TCP", which Istio does not treat as HTTP, so only the tcp settings of its connectionPool apply; '
        + 'set port.protocol to HTTP, HTTP2, GRPC or GRPC-WEB, or move the limits to connectionPool.tcp',
    },
    {
      name: 'an empty protocol also warns',
      spec: listener({ number: 9000 }),
      message: 'ingress port 9000 has no protocol, which Istio does not treat as HTTP, so only the tcp settings of its connectionPool apply; '
        + 'set port.protocol to HTTP, HTTP2, GRPC or GRPC-WEB, or move the limits to connectionPool.tcp',
    },
    { name: 'HTTPS is TLS, not HTTP -> warning', spec: listener({ number: 443, protocol: 'HTTPS' }) },
    { name: 'even empty http settings warn', spec: listener({ number: 9000, protocol: 'TCP' }, { http: {} }) },
  ],
});
