import { describeRule } from '../../rule-cases';

const tcp = (settings: object) => ({ inboundConnectionPool: { tcp: settings } });
const http = (settings: object) => ({ inboundConnectionPool: { http: settings } });

describeRule('S-CP-DURATION', {
  good: [
    {
      name: 'whole-millisecond durations of 1ms or more',
      spec: {
        inboundConnectionPool: {
          http: { idleTimeout: '1ms', http2KeepAlive: { interval: '10s', timeout: '1.5s' } },
          tcp: { connectTimeout: '30ms', maxConnectionDuration: '1h30m', idleTimeout: '1h', tcpKeepalive: { time: '7200s', interval: '75s' } },
        },
      },
    },
    { name: 'tcp.idleTimeout: 0s disables the timeout', spec: tcp({ idleTimeout: '0s' }) },
    { name: 'tcp.idleTimeout below 1ms truncates to 0ms and also disables it', spec: tcp({ idleTimeout: '500us' }) },
    { name: 'fractions that land on a whole millisecond', spec: tcp({ connectTimeout: '0.001s', maxConnectionDuration: '1.005s' }) },
    { name: 'wrong-typed durations are left to the schema rule', spec: tcp({ connectTimeout: 5 }) },
  ],
  bad: [
    {
      name: 'a connect timeout below 1ms -> error',
      spec: tcp({ connectTimeout: '500us' }),
      path: 'spec.inboundConnectionPool.tcp.connectTimeout',
      message: 'tcp.connectTimeout "500us" is invalid: expected at least 1ms',
    },
    {
      name: 'sub-millisecond precision -> error',
      spec: tcp({ connectTimeout: '1500us' }),
      message: 'tcp.connectTimeout "1500us" is invalid: expected a whole number of milliseconds (Istio supports no finer precision)',
    },
    { name: 'http.idleTimeout: 0s is rejected (unlike tcp) -> error', spec: http({ idleTimeout: '0s' }), path: 'spec.inboundConnectionPool.http.idleTimeout' },
    {
      name: 'a negative tcp.idleTimeout -> error, with the hint to use 0s',
      spec: tcp({ idleTimeout: '-5s' }),
      message: 'tcp.idleTimeout "-5s" is invalid: expected at least 1ms (or "0s" to disable the idle timeout)',
    },
    {
      name: 'not a Go duration -> error',
      spec: tcp({ connectTimeout: '5 seconds' }),
      message: 'tcp.connectTimeout "5 seconds" is invalid: expected a duration such as "500ms", "1.5s" or "1m"',
    },
    {
      name: 'every bad duration of every pool is reported',
      spec: {
        inboundConnectionPool: { http: { http2KeepAlive: { interval: '0s', timeout: '1.0001s' } } },
        ingress: [{ port: { number: 80, protocol: 'HTTP' }, connectionPool: { tcp: { tcpKeepalive: { time: '1ns', interval: 'x' }, maxConnectionDuration: '0' } } }],
      },
      paths: [
        'spec.inboundConnectionPool.http.http2KeepAlive.interval',
        'spec.inboundConnectionPool.http.http2KeepAlive.timeout',
        'spec.ingress[0].connectionPool.tcp.maxConnectionDuration',
        'spec.ingress[0].connectionPool.tcp.tcpKeepalive.time',
        'spec.ingress[0].connectionPool.tcp.tcpKeepalive.interval',
      ],
    },
  ],
});
