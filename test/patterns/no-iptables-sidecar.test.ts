import { Chart, Testing } from 'cdk8s';
import {
  Bind, CaptureMode, EgressHost, Endpoint, NoIptablesSidecar, ServiceEntryResolution, SidecarApiVersion, SidecarPort, SidecarProtocol,
  WorkloadSelector,
} from '../../src';
import { SEED_NO_IPTABLES, SEED_SERVICE_ENTRY } from '../fixtures/seed-documents';

const productpage = () => WorkloadSelector.of({ app: 'productpage' });

describe('NoIptablesSidecar', () => {
  test('the seed\'s no-ip-tables Sidecar and its ServiceEntry in one call', () => {
    const chart = Testing.chart();
    const sidecar = new NoIptablesSidecar(chart, 'no-ip-tables', {
      metadata: { name: 'no-ip-tables', namespace: 'prod-us1' },
      workloadSelector: productpage(),
      ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.loopback(8080) }],
      externalServices: [{ host: 'mysql.foo.com', port: 3306, protocol: SidecarProtocol.MYSQL, serviceEntryNamespace: 'ns1' }],
    });
    expect(Testing.synth(chart)).toEqual([
      { ...SEED_NO_IPTABLES, apiVersion: 'networking.istio.io/v1' },
      { ...SEED_SERVICE_ENTRY, apiVersion: 'networking.istio.io/v1' },
    ]);
    expect(sidecar.serviceEntries.map((e) => `${e.namespace}/${e.name}`)).toEqual(['ns1/external-svc-mysql']);
  });

  test('addExternalService: the ServiceEntry defaults to the Sidecar\'s namespace and apiVersion; names and bind can be chosen', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const sidecar = new NoIptablesSidecar(chart, 'legacy', { workloadSelector: productpage(), apiVersion: SidecarApiVersion.V1BETA1 });
    const entry = sidecar.addExternalService({
      host: 'api.example.com',
      port: 8443,
      bind: Bind.ip('127.0.0.2'),
      serviceEntryName: 'example-api',
      portName: 'tls-api',
      listenerPortName: 'local-api',
      resolution: ServiceEntryResolution.DNS_ROUND_ROBIN,
    });
    expect(entry.apiObject.toJson()).toEqual({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'ServiceEntry',
      metadata: { name: 'example-api', namespace: 'shop' },
      spec: {
        hosts: ['api.example.com'],
        ports: [{ number: 8443, name: 'tls-api' }],
        location: 'MESH_EXTERNAL',
        resolution: 'DNS_ROUND_ROBIN',
      },
    });
    expect(sidecar.apiObject.toJson().spec.egress).toEqual([
      { port: { number: 8443, name: 'local-api' }, captureMode: 'NONE', bind: '127.0.0.2', hosts: ['*/api.example.com'] },
    ]);
  });

  test('addExternalService without a protocol names the ports after tcp', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    const entry = sidecar.addExternalService({ host: 'cache.example.com', port: 6379 });
    expect([entry.name, entry.ports]).toEqual(['external-svc-cache', [{ number: 6379, name: 'tcp' }]]);
    expect(sidecar.egress[0].port?.name).toEqual('egresstcp');
  });

  test('every listener gets capture mode NONE', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', {
      workloadSelector: productpage(),
      egress: [{ port: SidecarPort.http(8080, 'http'), bind: Bind.ip('127.0.0.1'), hosts: [EgressHost.sameNamespace()] }],
    });
    sidecar.addIngress({ port: SidecarPort.http(9080, 'http'), defaultEndpoint: Endpoint.loopback(8081), captureMode: CaptureMode.NONE });
    expect(sidecar.ingress.map((l) => l.captureMode)).toEqual([CaptureMode.NONE]);
    expect(sidecar.egress.map((l) => l.captureMode)).toEqual([CaptureMode.NONE]);
  });

  test('refuses an egress listener without a bind or a port', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    expect(() => sidecar.addEgress({ port: SidecarPort.mysql(3306, 'mysql'), hosts: [EgressHost.anyNamespace('mysql.foo.com')] })).toThrow(
      'NoIptablesSidecar at "test/legacy" cannot add an egress listener for [*/mysql.foo.com] without a bind address: '
      + 'without iptables the application must connect to the listener itself, so give it a port and a bind, e.g. { port: SidecarPort.mysql(3306), bind: Bind.ip("127.0.0.1") }',
    );
    expect(() => sidecar.addEgress({ hosts: [EgressHost.all()] })).toThrow(
      'NoIptablesSidecar at "test/legacy" cannot add an egress listener for [*/*] without a port: ',
    );
    // The props type requires the bind; JavaScript callers get the same error.
    // @ts-expect-error bind is required
    expect(() => new NoIptablesSidecar(Testing.chart(), 'x', { workloadSelector: productpage(), egress: [{ port: SidecarPort.tcp(1), hosts: [EgressHost.all()] }] }))
      .toThrow('NoIptablesSidecar at "test/x" cannot add an egress listener for [*/*] without a bind address: ');
  });

  test('refuses an ingress listener without a defaultEndpoint', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    expect(() => sidecar.addIngress({ port: SidecarPort.http(9080, 'http') })).toThrow(
      'NoIptablesSidecar at "test/legacy" cannot add an ingress listener on port 9080/HTTP (http) without a defaultEndpoint: '
      + 'without iptables the proxy must forward to where the application listens, e.g. defaultEndpoint: Endpoint.loopback(8080)',
    );
  });

  test('refuses listeners captured by iptables', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    expect(() => sidecar.addEgress({
      port: SidecarPort.tcp(5432, 'pg'), bind: Bind.ip('127.0.0.1'), captureMode: CaptureMode.IPTABLES, hosts: [EgressHost.all()],
    })).toThrow(
      'NoIptablesSidecar at "test/legacy" cannot add an egress listener with captureMode IPTABLES: '
      + 'its pods have no iptables rules, so every listener uses CaptureMode.NONE; use a PartialIptablesSidecar to mix capture modes',
    );
    expect(() => sidecar.addIngress({ port: SidecarPort.http(80), defaultEndpoint: Endpoint.loopback(8080), captureMode: CaptureMode.DEFAULT }))
      .toThrow('NoIptablesSidecar at "test/legacy" cannot add an ingress listener with captureMode DEFAULT: ');
  });

  test('refuses a missing workloadSelector', () => {
    // @ts-expect-error workloadSelector is required
    expect(() => new NoIptablesSidecar(Testing.chart(), 'legacy', {})).toThrow(
      'NoIptablesSidecar at "test/legacy" needs a workloadSelector, e.g. WorkloadSelector.of({ app: "ratings" }) or WorkloadSelector.fromWorkload(deployment); '
      + 'to configure a whole namespace, use a NamespaceDefaultSidecar',
    );
  });

  test('a bad external host throws before anything is added', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    expect(() => sidecar.addExternalService({ host: 'mysql', port: 3306 })).toThrow(
      'Invalid egress host "*/mysql": the DNS name "mysql" is a short name; write it fully qualified, e.g. "mysql.<namespace>.svc.cluster.local", or "*"',
    );
    expect([sidecar.egress, sidecar.serviceEntries]).toEqual([[], []]);
  });
});

describe('NoIptablesSidecar.addExternalService naming', () => {
  test('the default ServiceEntry name is the host\'s first label, lower-cased into a valid name', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    expect(sidecar.addExternalService({ host: 'MySQL-Primary.example.com', port: 3306 }).name).toBe('external-svc-mysql-primary');
  });

  test('two hosts with the same first label need a serviceEntryName, and say so', () => {
    const sidecar = new NoIptablesSidecar(Testing.chart(), 'legacy', { workloadSelector: productpage() });
    sidecar.addExternalService({ host: 'mysql.a.example.com', port: 3306 });
    expect(() => sidecar.addExternalService({ host: 'mysql.b.example.com', port: 3307 })).toThrow(
      'already declares a ServiceEntry named "external-svc-mysql" (for mysql.a.example.com); pass serviceEntryName for "mysql.b.example.com"',
    );
    expect(sidecar.addExternalService({ host: 'mysql.b.example.com', port: 3307, serviceEntryName: 'mysql-b' }).name).toBe('mysql-b');
  });
});
