import { describeRule } from '../../rule-cases';

const HTTP = { number: 9080, protocol: 'HTTP', name: 'http' };

describeRule('S-CP-NONNEGATIVE', {
  good: [
    {
      name: 'zero and positive limits',
      spec: {
        inboundConnectionPool: {
          http: { http1MaxPendingRequests: 0, http2MaxRequests: 100, maxRequestsPerConnection: 1, maxRetries: 3, maxConcurrentStreams: 10 },
          tcp: { maxConnections: 0 },
        },
      },
    },
    {
      name: 'negative values of fields without the rule (probes is bounded by the CRD)',
      spec: { inboundConnectionPool: { tcp: { tcpKeepalive: { probes: -1 } } } },
    },
    { name: 'wrong-typed limits are left to the schema rule', spec: { inboundConnectionPool: { tcp: { maxConnections: '-1' } } } },
  ],
  bad: [
    {
      name: 'negative maxConnections -> error',
      spec: { inboundConnectionPool: { tcp: { maxConnections: -1 } } },
      path: 'spec.inboundConnectionPool.tcp.maxConnections',
      message: 'tcp.maxConnections is -1: connection pool limits must be 0 or more; use a non-negative number, or leave it out for Istio\'s default',
    },
    {
      name: 'every negative HTTP limit of a per-port pool is reported',
      spec: {
        ingress: [{
          port: HTTP,
          connectionPool: {
            http: { http1MaxPendingRequests: -1, http2MaxRequests: -2, maxRequestsPerConnection: -3, maxRetries: -4, maxConcurrentStreams: -5 },
          },
        }],
      },
      paths: [
        'spec.ingress[0].connectionPool.http.http1MaxPendingRequests',
        'spec.ingress[0].connectionPool.http.http2MaxRequests',
        'spec.ingress[0].connectionPool.http.maxRequestsPerConnection',
        'spec.ingress[0].connectionPool.http.maxRetries',
        'spec.ingress[0].connectionPool.http.maxConcurrentStreams',
      ],
    },
  ],
});
