import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import {
  Bind, CaptureMode, EgressHost, Endpoint, IstioMesh, OutboundTrafficPolicy, Sidecar, SidecarApiVersion, SidecarPort,
  WorkloadSelector,
} from '../src';

/** A chart like `Testing.chart()` whose synth prints no warnings: these tests judge the rendering, not the findings. */
function quietChart(): Chart {
  const app = Testing.app();
  IstioMesh.configure(app, { quiet: true });
  return new Chart(app, 'test');
}

describe('the seed documents, written with Sidecar', () => {
  test('ratings: Unix socket endpoint and two egress listeners, field for field', () => {
    const chart = quietChart();
    const sidecar = new Sidecar(chart, 'ratings', {
      apiVersion: SidecarApiVersion.V1ALPHA3,
      metadata: { name: 'ratings', namespace: 'prod-us1' },
      workloadSelector: WorkloadSelector.of({ app: 'ratings' }),
      ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.unix('/var/run/someuds.sock') }],
      egress: [
        { port: SidecarPort.http(9080, 'egresshttp'), hosts: [EgressHost.namespace('prod-us1').allHosts()] },
        { hosts: [EgressHost.namespace('istio-system').allHosts()] },
      ],
    });
    expect(Testing.synth(chart)).toEqual([{
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'Sidecar',
      metadata: { name: 'ratings', namespace: 'prod-us1' },
      spec: {
        workloadSelector: { labels: { app: 'ratings' } },
        ingress: [{
          port: { number: 9080, protocol: 'HTTP', name: 'somename' },
          defaultEndpoint: 'unix:///var/run/someuds.sock',
        }],
        egress: [
          { port: { number: 9080, protocol: 'HTTP', name: 'egresshttp' }, hosts: ['prod-us1/*'] },
          { hosts: ['istio-system/*'] },
        ],
      },
    }]);
    expect([sidecar.name, sidecar.namespace]).toEqual(['ratings', 'prod-us1']);
  });

  test('no-ip-tables: capture mode NONE on both sides', () => {
    const sidecar = new Sidecar(quietChart(), 'no-ip-tables', {
      workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
      ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.loopback(8080), captureMode: CaptureMode.NONE }],
      egress: [{
        port: SidecarPort.mysql(3306, 'egressmysql'),
        captureMode: CaptureMode.NONE,
        bind: Bind.ip('127.0.0.1'),
        hosts: [EgressHost.anyNamespace('mysql.foo.com')],
      }],
    });
    expect(sidecar.apiObject.toJson().spec).toEqual({
      workloadSelector: { labels: { app: 'productpage' } },
      ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'somename' }, defaultEndpoint: '127.0.0.1:8080', captureMode: 'NONE' }],
      egress: [{ port: { number: 3306, protocol: 'MYSQL', name: 'egressmysql' }, captureMode: 'NONE', bind: '127.0.0.1', hosts: ['*/mysql.foo.com'] }],
    });
  });
});

describe('Sidecar', () => {
  test('whole manifest with every top-level field', () => {
    const chart = quietChart();
    new Sidecar(chart, 'full', {
      metadata: { name: 'full', namespace: 'shop', labels: { team: 'payments' } },
      workloadSelector: WorkloadSelector.of({ app: 'checkout' }),
      ingress: [{ port: SidecarPort.http(8080, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
      egress: [{ hosts: [EgressHost.sameNamespace(), EgressHost.namespace('istio-system').allHosts()] }],
      outboundTrafficPolicy: OutboundTrafficPolicy.registryOnly(),
      inboundConnectionPool: { tcp: { connectTimeout: Duration.millis(500) } },
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('defaults: apiVersion v1, kind Sidecar, name from the path, chart namespace, empty spec', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const sidecar = new Sidecar(chart, 'ratings');
    expect(sidecar.apiObject.toJson()).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: sidecar.name, namespace: 'shop' },
      spec: {},
    });
    expect(sidecar.name).toMatch(/^shop-ratings-[0-9a-f]{8}$/);
    expect(sidecar.namespace).toBe('shop');
    expect(sidecar.apiVersion).toBe(SidecarApiVersion.V1);
  });

  test('the namespace is undefined when neither the Sidecar nor its chart sets one', () => {
    expect(new Sidecar(quietChart(), 'sc').namespace).toBeUndefined();
  });

  test('is its own ApiObject (no wrapper node), with escape hatches on it', () => {
    const chart = quietChart();
    const sidecar = new Sidecar(chart, 'sc', { egress: [{ hosts: [EgressHost.all()] }] });
    expect(ApiObject.isApiObject(sidecar)).toBe(true);
    expect(ApiObject.of(sidecar)).toBe(sidecar);
    expect(sidecar.apiObject).toBe(sidecar);
    expect(sidecar.node.children).toEqual([]);
    sidecar.addJsonPatch(JsonPatch.add('/metadata/labels', { team: 'shop' }));
    expect(Testing.synth(chart)[0].metadata.labels).toEqual({ team: 'shop' });
  });

  test('a Sidecar creates the app-wide IstioMesh and takes its apiVersion', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { apiVersion: SidecarApiVersion.V1BETA1 });
    const sidecar = new Sidecar(new Chart(app, 'chart'), 'sc');
    expect(sidecar.apiObject.toJson().apiVersion).toBe('networking.istio.io/v1beta1');
  });

  test('its own apiVersion wins over the mesh', () => {
    const sidecar = new Sidecar(quietChart(), 'sc', { apiVersion: SidecarApiVersion.V1ALPHA3 });
    expect(sidecar.apiObject.toJson().apiVersion).toBe('networking.istio.io/v1alpha3');
  });

  test('addIngress and addEgress after construction append in order', () => {
    const sidecar = new Sidecar(quietChart(), 'sc', {
      ingress: [{ port: SidecarPort.http(80) }],
      egress: [{ port: SidecarPort.http(80), hosts: [EgressHost.parse('a/*')] }],
    });
    sidecar.addIngress({ port: SidecarPort.tcp(5432) });
    sidecar.addEgress({ hosts: [EgressHost.all()] });
    expect(sidecar.apiObject.toJson().spec).toEqual({
      ingress: [{ port: { number: 80, protocol: 'HTTP' } }, { port: { number: 5432, protocol: 'TCP' } }],
      egress: [{ port: { number: 80, protocol: 'HTTP' }, hosts: ['a/*'] }, { hosts: ['*/*'] }],
    });
    expect(sidecar.ingress).toHaveLength(2);
    expect(sidecar.egress).toHaveLength(2);
  });

  test('the listener accessors return copies; the props array is copied too', () => {
    const egress = [{ hosts: [EgressHost.all()] }];
    const sidecar = new Sidecar(quietChart(), 'sc', { egress });
    egress.push({ hosts: [EgressHost.none()] });
    sidecar.egress.push({ hosts: [EgressHost.none()] });
    sidecar.ingress.push({ port: SidecarPort.http(1) });
    expect(sidecar.apiObject.toJson().spec).toEqual({ egress: [{ hosts: ['*/*'] }] });
  });

  test('empty listener lists are left out', () => {
    const sidecar = new Sidecar(quietChart(), 'sc', { ingress: [], egress: [], outboundTrafficPolicy: OutboundTrafficPolicy.allowAny() });
    expect(sidecar.apiObject.toJson().spec).toEqual({ outboundTrafficPolicy: { mode: 'ALLOW_ANY' } });
  });

  test('spec keys are built in a fixed order', () => {
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      const sidecar = new Sidecar(quietChart(), 'sc', {
        inboundConnectionPool: { tcp: { maxConnections: 1 } },
        outboundTrafficPolicy: OutboundTrafficPolicy.allowAny(),
        egress: [{ hosts: [EgressHost.all()] }],
        ingress: [{ port: SidecarPort.http(80) }],
        workloadSelector: WorkloadSelector.of({ app: 'a' }),
      });
      expect(Object.keys(sidecar.apiObject.toJson().spec))
        .toEqual(['workloadSelector', 'ingress', 'egress', 'outboundTrafficPolicy', 'inboundConnectionPool']);
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });

  test('the same definition synthesizes to the same output', () => {
    const define = () => {
      const chart = quietChart();
      new Sidecar(chart, 'sc', {
        workloadSelector: WorkloadSelector.of({ b: '2', a: '1' }),
        egress: [{ hosts: [EgressHost.parse('z/*'), EgressHost.parse('a/*')] }],
      });
      return JSON.stringify(Testing.synth(chart));
    };
    expect(define()).toBe(define());
  });

  test('the properties given are exposed', () => {
    const selector = WorkloadSelector.of({ app: 'a' });
    const policy = OutboundTrafficPolicy.registryOnly();
    const pool = { tcp: { maxConnections: 1 } };
    const sidecar = new Sidecar(quietChart(), 'sc', { workloadSelector: selector, outboundTrafficPolicy: policy, inboundConnectionPool: pool });
    expect([sidecar.workloadSelector, sidecar.outboundTrafficPolicy, sidecar.inboundConnectionPool]).toEqual([selector, policy, pool]);
  });

  test('a workload selector from a workload in the same chart', () => {
    const chart = quietChart();
    const pod = new ApiObject(chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'reviews' } } });
    const sidecar = new Sidecar(chart, 'sc', { workloadSelector: WorkloadSelector.fromWorkload(pod), egress: [{ hosts: [EgressHost.sameNamespace()] }] });
    expect(sidecar.apiObject.toJson().spec.workloadSelector).toEqual({ labels: { app: 'reviews' } });
  });

  test('JSON patches on the ApiObject apply', () => {
    const sidecar = new Sidecar(quietChart(), 'sc', { egress: [{ hosts: [EgressHost.all()] }] });
    sidecar.apiObject.addJsonPatch(JsonPatch.add('/spec/egress/0/hosts/-', 'istio-system/*'));
    expect(sidecar.apiObject.toJson().spec.egress[0].hosts).toEqual(['*/*', 'istio-system/*']);
  });
});
