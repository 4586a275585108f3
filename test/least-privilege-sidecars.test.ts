import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  EgressHost, IstioMesh, LeastPrivilegeSidecars, MeshAnalysis, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution, Severity,
  SidecarProtocol, WorkloadCalls,
} from '../src';

function deployment(chart: Chart, name: string): kplus.Deployment {
  const containers = [{ image: name, portNumber: 8080, securityContext: { ensureNonRoot: false } }];
  return new kplus.Deployment(chart, name, { metadata: { name }, containers });
}

function service(workload: kplus.Deployment, name: string, port = 8080): kplus.Service {
  return workload.exposeViaService({ name, ports: [{ port, targetPort: 8080 }] });
}

/** A shop: frontend calls cart, catalog (another namespace) and Stripe; cart calls redis; redis calls nothing. */
function shopApp(options: { lateCalls?: boolean } = {}) {
  const app = Testing.app();
  const control = new Chart(app, 'control', { namespace: 'istio-system' });
  deployment(control, 'istiod');
  service(control.node.findChild('istiod') as kplus.Deployment, 'istiod', 15012);
  const catalogChart = new Chart(app, 'catalog', { namespace: 'catalog' });
  const catalogSvc = service(deployment(catalogChart, 'catalog'), 'catalog');
  new ServiceEntry(catalogChart, 'stripe', {
    metadata: { name: 'stripe', namespace: 'egress' },
    hosts: ['api.stripe.com'],
    ports: [{ number: 443, name: 'https', protocol: SidecarProtocol.TLS }],
    location: ServiceEntryLocation.MESH_EXTERNAL,
    resolution: ServiceEntryResolution.DNS,
  });
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  const frontend = deployment(shop, 'frontend');
  const cart = deployment(shop, 'cart');
  const redis = deployment(shop, 'redis');
  const cartSvc = service(cart, 'cart');
  service(redis, 'redis', 6379);
  service(frontend, 'frontend');
  WorkloadCalls.of(frontend).toHost('cart', 8080);
  WorkloadCalls.of(cart).toHost('redis.shop', 6379);
  const generated = new LeastPrivilegeSidecars(shop, 'least-privilege');
  // Declared after the construct: the egress is computed at synth, so these count too.
  WorkloadCalls.of(frontend).toService(catalogSvc, 8080);
  WorkloadCalls.of(frontend).toHost('api.stripe.com', 443);
  if (options.lateCalls) WorkloadCalls.of(redis).toService(cartSvc, 8080);
  return { app, shop, generated };
}

const SHOP_CALLS: { [workload: string]: string[] } = {
  'shop/frontend': ['cart.shop.svc.cluster.local', 'catalog.catalog.svc.cluster.local', 'api.stripe.com'],
  'shop/cart': ['redis.shop.svc.cluster.local'],
};

function sidecars(manifests: any[]): { [name: string]: any } {
  return Object.fromEntries(manifests.filter((m) => m.kind === 'Sidecar').map((m) => [`${m.metadata.namespace}/${m.metadata.name}`, m]));
}

describe('LeastPrivilegeSidecars', () => {
  test('imports exactly the declared calls and the control plane', () => {
    const { app } = shopApp();
    const manifests = app.charts.flatMap((c) => c.toJson());
    const generated = sidecars(manifests);
    expect(Object.keys(generated).sort()).toEqual(['shop/cart', 'shop/default', 'shop/frontend']);
    expect(generated['shop/frontend'].spec).toEqual({
      workloadSelector: { labels: expect.any(Object) },
      egress: [{ hosts: ['catalog/catalog.catalog.svc.cluster.local', 'egress/api.stripe.com', 'shop/cart.shop.svc.cluster.local', 'istio-system/*'] }],
    });
    expect(generated['shop/cart'].spec.egress).toEqual([{ hosts: ['shop/redis.shop.svc.cluster.local', 'istio-system/*'] }]);
    expect(generated['shop/default'].spec).toEqual({
      egress: [{
        hosts: [
          'catalog/catalog.catalog.svc.cluster.local', 'egress/api.stripe.com', 'shop/cart.shop.svc.cluster.local', 'shop/redis.shop.svc.cluster.local',
          'istio-system/*',
        ],
      }],
    });
    // The selector is the Deployment's.
    const frontend = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'frontend');
    expect(generated['shop/frontend'].spec.workloadSelector.labels).toEqual(frontend.spec.selector.matchLabels);
  });

  test('passes every rule, and reach shows the declared calls and the control plane, nothing else', () => {
    const { app } = shopApp();
    const manifests = app.charts.flatMap((c) => c.toJson());
    expect(IstioMesh.of(app).findings().filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(MeshAnalysis.analyze(manifests).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    const reach = MeshAnalysis.reach(manifests);
    for (const [workload, calls] of Object.entries(SHOP_CALLS)) {
      const [namespace, name] = workload.split('/');
      const scope = reach.find((r) => r.workload.namespace === namespace && r.workload.name === name)!;
      expect(scope.sidecar?.name).toBe(name);
      expect(scope.hosts.map((h) => h.host).sort()).toEqual([...calls, 'istiod.istio-system.svc.cluster.local'].sort());
      for (const host of calls) {
        const result = MeshAnalysis.canReach(manifests, workload, host);
        expect({ host, reachable: result.reachable, passthrough: result.passthrough }).toEqual({ host, reachable: true, passthrough: false });
      }
    }
    // redis declares nothing: the namespace default applies, with what the namespace calls.
    const redis = reach.find((r) => r.workload.name === 'redis')!;
    expect(redis.sidecar?.name).toBe('default');
  });

  test('synthesizes with cdk8s', () => {
    const { app } = shopApp();
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('a workload whose calls come after the construct fails synth, saying so', () => {
    const { app } = shopApp({ lateCalls: true });
    expect(() => app.synthYaml()).toThrow(/shop\/redis.*declares calls .* has no generated Sidecar.*create LeastPrivilegeSidecars after the workloads/);
  });

  test('alwaysImport and namespaceDefaults', () => {
    const app = new App();
    const chart = new Chart(app, 'a', { namespace: 'a' });
    const web = deployment(chart, 'web');
    const api = service(deployment(chart, 'api'), 'api');
    WorkloadCalls.of(web).toService(api, 8080);
    const generated = new LeastPrivilegeSidecars(chart, 'lp', { alwaysImport: [EgressHost.namespace('mesh-infra').allHosts()], namespaceDefaults: false });
    expect(generated.namespaceDefaultSidecars).toEqual([]);
    expect(generated.workloadSidecars.map((s) => s.metadata.name)).toEqual(['web']);
    expect(sidecars(chart.toJson())['a/web'].spec.egress).toEqual([{ hosts: ['a/api.a.svc.cluster.local', 'mesh-infra/*'] }]);
  });

  test('appWide covers the workloads of every chart', () => {
    const app = new App();
    const one = new Chart(app, 'one', { namespace: 'one' });
    const two = new Chart(app, 'two', { namespace: 'two' });
    const api = service(deployment(one, 'api'), 'api');
    WorkloadCalls.of(deployment(two, 'web')).toService(api, 8080);
    const generated = new LeastPrivilegeSidecars(one, 'lp', { appWide: true });
    expect(generated.workloadSidecars.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['two/web']);
    expect(generated.workloadSidecars[0].egress[0].hosts.map(String)).toEqual(['one/api.one.svc.cluster.local', 'istio-system/*']);
    expect(new LeastPrivilegeSidecars(one, 'chart-only').workloadSidecars).toEqual([]);
  });

  test('each synth sees the app as it is then: nothing is kept from the previous one', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a', { namespace: 'a' });
    const web = deployment(chart, 'web');
    const api = service(deployment(chart, 'api'), 'api');
    WorkloadCalls.of(web).toService(api, 8080);
    new LeastPrivilegeSidecars(chart, 'lp', { namespaceDefaults: false });
    expect(app.synthYaml()).toContain('- a/api.a.svc.cluster.local');
    const db = service(deployment(chart, 'db'), 'db', 5432);
    WorkloadCalls.of(web).toService(db, 5432);
    const second = app.synthYaml();
    expect(second).toContain('- a/api.a.svc.cluster.local');
    expect(second).toContain('- a/db.a.svc.cluster.local');
    expect(sidecars(chart.toJson())['a/web'].spec.egress).toEqual([{ hosts: ['a/api.a.svc.cluster.local', 'a/db.a.svc.cluster.local', 'istio-system/*'] }]);
    // The files of a whole-app synth, rendered after its validation, say the same.
    app.synth();
    expect(readFileSync(join(app.outdir, 'a.k8s.yaml'), 'utf8')).toContain('- a/db.a.svc.cluster.local');
  });

  test('synth as the jsii kernel calls it (App.prototype.synth.call) computes the same egress, and afresh each time', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a', { namespace: 'a' });
    const web = deployment(chart, 'web');
    WorkloadCalls.of(web).toService(service(deployment(chart, 'api'), 'api'), 8080);
    new LeastPrivilegeSidecars(chart, 'lp', { namespaceDefaults: false });
    expect(App.prototype.synthYaml.call(app)).toContain('- a/api.a.svc.cluster.local');
    WorkloadCalls.of(web).toService(service(deployment(chart, 'db'), 'db', 5432), 5432);
    App.prototype.synth.call(app);
    expect(readFileSync(join(app.outdir, 'a.k8s.yaml'), 'utf8')).toContain('- a/db.a.svc.cluster.local');
  });

  test('a call to an external host no ServiceEntry defines imports nothing, and synth reports the call', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a', { namespace: 'a' });
    const web = deployment(chart, 'web');
    WorkloadCalls.of(web).toHost('api.unknown.example', 443);
    new LeastPrivilegeSidecars(chart, 'lp');
    expect(sidecars(chart.toJson())['a/web'].spec.egress).toEqual([{ hosts: ['istio-system/*'] }]);
    expect(IstioMesh.of(app).findings().some((f) => f.message.includes('api.unknown.example'))).toBe(true);
  });
});
