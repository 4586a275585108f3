import { Duration, Testing } from 'cdk8s';
import { Bind, CaptureMode, Endpoint, IngressListenerOptions, Sidecar, SidecarPort, SidecarTlsMode } from '../src';

function renderedIngress(listener: IngressListenerOptions): unknown {
  const sidecar = new Sidecar(Testing.chart(), 'sc', { ingress: [listener] });
  return sidecar.apiObject.toJson().spec.ingress[0];
}

describe('IngressListenerOptions', () => {
  test('only a port', () => {
    expect(renderedIngress({ port: SidecarPort.http(9080) })).toEqual({ port: { number: 9080, protocol: 'HTTP' } });
  });

  test('every field', () => {
    expect(renderedIngress({
      port: SidecarPort.https(8443, 'https-web'),
      bind: Bind.ip('172.16.1.32'),
      captureMode: CaptureMode.NONE,
      defaultEndpoint: Endpoint.loopback(8080),
      tls: { mode: SidecarTlsMode.SIMPLE, serverCertificate: '/c.pem', privateKey: '/k.pem' },
      connectionPool: { tcp: { maxConnections: 10 }, http: { idleTimeout: Duration.seconds(30) } },
    })).toEqual({
      port: { number: 8443, protocol: 'HTTPS', name: 'https-web' },
      bind: '172.16.1.32',
      captureMode: 'NONE',
      defaultEndpoint: '127.0.0.1:8080',
      tls: { mode: 'SIMPLE', serverCertificate: '/c.pem', privateKey: '/k.pem' },
      connectionPool: { tcp: { maxConnections: 10 }, http: { idleTimeout: '30s' } },
    });
  });

  test('IPv6 bind and a Unix socket endpoint', () => {
    expect(renderedIngress({
      port: SidecarPort.grpc(9090),
      bind: Bind.ip('::1'),
      captureMode: CaptureMode.IPTABLES,
      defaultEndpoint: Endpoint.unix('@grpc'),
    })).toEqual({ port: { number: 9090, protocol: 'GRPC' }, bind: '::1', captureMode: 'IPTABLES', defaultEndpoint: 'unix://@grpc' });
  });

  test('listeners keep the order given', () => {
    const sidecar = new Sidecar(Testing.chart(), 'sc', {
      ingress: [{ port: SidecarPort.tcp(3000) }, { port: SidecarPort.tcp(1000) }, { port: SidecarPort.tcp(2000) }],
    });
    expect(sidecar.apiObject.toJson().spec.ingress.map((l: any) => l.port.number)).toEqual([3000, 1000, 2000]);
  });
});
