import { describeRule } from '../../rule-cases';

const keepAlive = (settings: unknown) => ({ inboundConnectionPool: { http: { http2KeepAlive: settings } } });

describeRule('S-CP-H2-KEEPALIVE', {
  good: [
    { name: 'interval and timeout', spec: keepAlive({ interval: '10s', timeout: '3s' }) },
    { name: 'no keepalive, or a null one', spec: keepAlive(null) },
    { name: 'a wrong-typed keepalive is left to the schema rule', spec: keepAlive('10s') },
  ],
  bad: [
    {
      name: 'an interval without a timeout -> error',
      spec: keepAlive({ interval: '10s' }),
      path: 'spec.inboundConnectionPool.http.http2KeepAlive',
      message: 'http.http2KeepAlive has no timeout: Istio needs both interval and timeout; set both, e.g. interval "10s" and timeout "3s", or remove http2KeepAlive',
    },
    { name: 'an empty keepalive -> error', spec: keepAlive({}), message: /has no interval and no timeout:/ },
    {
      name: 'on a per-port pool -> error',
      spec: { ingress: [{ port: { number: 80, protocol: 'HTTP' }, connectionPool: { http: { http2KeepAlive: { timeout: '3s', interval: null } } } }] },
      path: 'spec.ingress[0].connectionPool.http.http2KeepAlive',
      message: /has no interval:/,
    },
  ],
});
