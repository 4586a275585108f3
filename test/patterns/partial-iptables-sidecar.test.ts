import { Chart, Testing } from 'cdk8s';
import {
  Bind, CaptureMode, EgressHost, Endpoint, IstioMesh, PartialIptablesIngressOptions, PartialIptablesSidecar, SidecarPort, SidecarProtocol,
  WorkloadSelector,
} from '../../src';

describe('PartialIptablesSidecar', () => {
  test('the seed\'s partial-ip-tables Sidecar: uncaptured ingress on the VM IP, egress captured by iptables', () => {
    const chart = Testing.chart();
    new PartialIptablesSidecar(chart, 'partial-ip-tables', {
      metadata: { name: 'partial-ip-tables', namespace: 'prod-us1' },
      workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
      ingress: [{ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'somename'), defaultEndpoint: Endpoint.loopback(8080) }],
    });
    expect(Testing.synth(chart)).toEqual([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'partial-ip-tables', namespace: 'prod-us1' },
      spec: {
        workloadSelector: { labels: { app: 'productpage' } },
        ingress: [{
          bind: '172.16.1.32',
          port: { number: 80, protocol: 'HTTP', name: 'somename' },
          defaultEndpoint: '127.0.0.1:8080',
          captureMode: 'NONE',
        }],
        egress: [{ captureMode: 'IPTABLES', hosts: ['*/*'] }],
      },
    }]);
  });

  test('egress listeners default to IPTABLES and keep an explicit capture mode', () => {
    const sidecar = new PartialIptablesSidecar(Testing.chart(), 'vm', {
      workloadSelector: WorkloadSelector.of({ app: 'vm' }),
      egress: [
        { port: SidecarPort.tcp(3306, 'mysql'), bind: Bind.ip('127.0.0.1'), captureMode: CaptureMode.NONE, hosts: [EgressHost.anyNamespace('db.example.com')] },
        { hosts: [EgressHost.sameNamespace()] },
      ],
    });
    expect(sidecar.apiObject.toJson().spec.egress).toEqual([
      { port: { number: 3306, protocol: 'TCP', name: 'mysql' }, bind: '127.0.0.1', captureMode: 'NONE', hosts: ['*/db.example.com'] },
      { captureMode: 'IPTABLES', hosts: ['./*'] },
    ]);
  });

  test('addIngress defaults to NONE and keeps an explicit capture mode', () => {
    const sidecar = new PartialIptablesSidecar(Testing.chart(), 'vm', { workloadSelector: WorkloadSelector.of({ app: 'vm' }) });
    sidecar.addIngress({ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'http'), defaultEndpoint: Endpoint.loopback(8080) });
    sidecar.addIngress({ port: SidecarPort.http(9080, 'mesh'), captureMode: CaptureMode.IPTABLES });
    expect(sidecar.ingress.map((l) => l.captureMode)).toEqual([CaptureMode.NONE, CaptureMode.IPTABLES]);
  });

  test('refuses a missing workloadSelector', () => {
    // @ts-expect-error workloadSelector is required
    expect(() => new PartialIptablesSidecar(Testing.chart(), 'vm', {})).toThrow(
      'PartialIptablesSidecar at "test/vm" needs a workloadSelector, e.g. WorkloadSelector.of({ app: "ratings" }) or WorkloadSelector.fromWorkload(deployment); '
      + 'to configure a whole namespace, use a NamespaceDefaultSidecar',
    );
  });
});

describe('PartialIptablesSidecar.addEgress', () => {
  test('a Unix-socket listener gets no capture mode (Istio allows only DEFAULT or NONE there)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'vm', { namespace: 'prod-us1' });
    const sidecar = new PartialIptablesSidecar(chart, 'partial', {
      workloadSelector: WorkloadSelector.of({ app: 'vm' }),
      ingress: [{ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
      egress: [{ port: SidecarPort.unixSocket(SidecarProtocol.HTTP, 'uds'), bind: Bind.unix('/var/run/out.sock'), hosts: [EgressHost.sameNamespace()] }],
    });
    expect(sidecar.apiObject.toJson().spec.egress[0].captureMode).toBeUndefined();
    expect(IstioMesh.of(app).findings().filter((f) => f.ruleId === 'S-EG-UDS-CAPTURE-MODE')).toEqual([]);
  });

  test('an ingress prop listener without bind or defaultEndpoint (possible from JavaScript) -> error naming both, nothing added', () => {
    const chart = Testing.chart();
    expect(() => new PartialIptablesSidecar(chart, 'vm', {
      workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
      ingress: [{ port: SidecarPort.http(80, 'http') } as PartialIptablesIngressOptions],
    })).toThrow(new Error(
      'PartialIptablesSidecar at "test/vm" cannot take the ingress listener on port 80/HTTP (http) without a bind address, e.g. bind: Bind.ip("172.16.1.32") '
      + 'and a defaultEndpoint, e.g. defaultEndpoint: Endpoint.loopback(8080): the listeners of its ingress prop bypass iptables, so the proxy listens on '
      + 'that address and forwards to the application; add a listener that iptables captures with the addIngress method instead',
    ));
    expect(chart.node.children).toEqual([]);
  });
});
