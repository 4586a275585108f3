import { Duration, Testing } from 'cdk8s';
import { ConnectionPoolSettings, H2UpgradePolicy, Sidecar } from '../src';
import { renderDuration } from '../src/sidecar-spec';

function renderedPool(inboundConnectionPool: ConnectionPoolSettings): unknown {
  const sidecar = new Sidecar(Testing.chart(), 'sc', { inboundConnectionPool });
  return sidecar.apiObject.toJson().spec.inboundConnectionPool;
}

describe('durations render as protobuf JSON seconds', () => {
  test.each([
    ['30s', Duration.seconds(30), '30s'],
    ['1.5s', Duration.millis(1500), '1.5s'],
    ['1ms', Duration.millis(1), '0.001s'],
    ['0', Duration.millis(0), '0s'],
    ['10m', Duration.minutes(10), '600s'],
    ['1h', Duration.hours(1), '3600s'],
    ['2d', Duration.days(2), '172800s'],
    ['1001ms', Duration.millis(1001), '1.001s'],
    ['sub-millisecond, rendered as is', Duration.millis(0.5), '0.0005s'],
    ['microsecond precision', Duration.millis(1.25), '0.00125s'],
    ['fractional seconds', Duration.seconds(2.5), '2.5s'],
  ])('%s', (_name, duration, rendered) => {
    expect(renderDuration(duration)).toBe(rendered);
  });
});

describe('ConnectionPoolSettings', () => {
  test('every TCP field', () => {
    expect(renderedPool({
      tcp: {
        maxConnections: 100,
        connectTimeout: Duration.millis(30),
        tcpKeepalive: { probes: 3, time: Duration.seconds(7200), interval: Duration.seconds(75) },
        maxConnectionDuration: Duration.minutes(30),
        idleTimeout: Duration.seconds(0),
      },
    })).toEqual({
      tcp: {
        maxConnections: 100,
        connectTimeout: '0.03s',
        tcpKeepalive: { probes: 3, time: '7200s', interval: '75s' },
        maxConnectionDuration: '1800s',
        idleTimeout: '0s',
      },
    });
  });

  test('every HTTP field', () => {
    expect(renderedPool({
      http: {
        http1MaxPendingRequests: 1024,
        http2MaxRequests: 2048,
        maxRequestsPerConnection: 1,
        maxRetries: 3,
        idleTimeout: Duration.millis(1500),
        h2UpgradePolicy: H2UpgradePolicy.DO_NOT_UPGRADE,
        useClientProtocol: true,
        maxConcurrentStreams: 64,
        http2KeepAlive: { interval: Duration.seconds(10), timeout: Duration.seconds(3) },
      },
    })).toEqual({
      http: {
        http1MaxPendingRequests: 1024,
        http2MaxRequests: 2048,
        maxRequestsPerConnection: 1,
        maxRetries: 3,
        idleTimeout: '1.5s',
        h2UpgradePolicy: 'DO_NOT_UPGRADE',
        useClientProtocol: true,
        maxConcurrentStreams: 64,
        http2KeepAlive: { interval: '10s', timeout: '3s' },
      },
    });
  });

  test('unset fields are left out; false and zero are kept', () => {
    expect(renderedPool({ tcp: { maxConnections: 0 }, http: { useClientProtocol: false, http2KeepAlive: {} } }))
      .toEqual({ tcp: { maxConnections: 0 }, http: { useClientProtocol: false, http2KeepAlive: {} } });
  });

  test('an empty pool is rendered as given, for validation to report', () => {
    expect(renderedPool({})).toEqual({});
  });

  test('the upgrade policies are the CRD enum', () => {
    expect(Object.values(H2UpgradePolicy)).toEqual(['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE']);
  });
});
