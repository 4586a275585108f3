import { describeRule } from '../../rule-cases';

const HTTP = { number: 9080, protocol: 'HTTP', name: 'http' };

describeRule('S-CP-NONEMPTY', {
  good: [
    { name: 'a Sidecar-wide pool with tcp settings', spec: { inboundConnectionPool: { tcp: { maxConnections: 10 } } } },
    { name: 'a per-port pool with http settings', spec: { ingress: [{ port: HTTP, connectionPool: { http: { maxRetries: 3 } } }] } },
    { name: 'empty http settings still count as set', spec: { inboundConnectionPool: { http: {} } } },
    { name: 'no pool, or a null one', spec: { inboundConnectionPool: null, ingress: [{ port: HTTP, connectionPool: null }] } },
    { name: 'a wrong-typed pool is left to the schema rule', spec: { inboundConnectionPool: 'big' } },
  ],
  bad: [
    {
      name: 'an empty inboundConnectionPool -> error',
      spec: { inboundConnectionPool: {} },
      path: 'spec.inboundConnectionPool',
      message: 'the connection pool sets neither http nor tcp: Istio rejects an empty pool; add tcp or http settings, or remove it',
    },
    { name: 'an empty per-port pool -> error', spec: { ingress: [{ port: HTTP, connectionPool: {} }] }, path: 'spec.ingress[0].connectionPool' },
    { name: 'null http and tcp count as absent -> error', spec: { inboundConnectionPool: { http: null, tcp: null } } },
    {
      name: 'every empty pool is reported',
      spec: { inboundConnectionPool: {}, ingress: [{ port: HTTP, connectionPool: {} }, { port: { number: 81 }, connectionPool: { tcp: {} } }] },
      paths: ['spec.inboundConnectionPool', 'spec.ingress[0].connectionPool'],
    },
  ],
});
