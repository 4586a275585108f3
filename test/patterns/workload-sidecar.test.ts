import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  EgressHost, Endpoint, Sidecar, SidecarPort, WorkloadSelector, WorkloadSidecar,
} from '../../src';
import { SEED_RATINGS } from '../fixtures/seed-documents';

describe('WorkloadSidecar', () => {
  test('the seed\'s ratings Sidecar: ingress to a Unix socket, egress restricted by port', () => {
    const chart = Testing.chart();
    new WorkloadSidecar(chart, 'ratings', {
      metadata: { name: 'ratings', namespace: 'prod-us1' },
      workloadSelector: WorkloadSelector.of({ app: 'ratings' }),
      ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.unix('/var/run/someuds.sock') }],
      egress: [
        { port: SidecarPort.http(9080, 'egresshttp'), hosts: [EgressHost.namespace('prod-us1').allHosts()] },
        { hosts: [EgressHost.namespace('istio-system').allHosts()] },
      ],
    });
    expect(Testing.synth(chart)).toEqual([{ ...SEED_RATINGS, apiVersion: 'networking.istio.io/v1' }]);
  });

  test('defaults: generated name, chart namespace, egress to ./* and istio-system/*', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const sidecar = new WorkloadSidecar(chart, 'frontend', { workloadSelector: WorkloadSelector.of({ app: 'frontend' }) });
    const json = sidecar.apiObject.toJson();
    expect(json.metadata.namespace).toEqual('shop');
    expect(json.metadata.name).toMatch(/^shop-frontend-c8[0-9a-f]{6}$/);
    expect(json.spec).toEqual({
      workloadSelector: { labels: { app: 'frontend' } },
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
    });
  });

  test('selects the pods of a workload', () => {
    const chart = Testing.chart();
    const deployment = new ApiObject(chart, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } } } },
    });
    const sidecar = new WorkloadSidecar(chart, 'web', { workloadSelector: WorkloadSelector.fromWorkload(deployment), egress: [] });
    expect(sidecar.apiObject.toJson().spec).toEqual({ workloadSelector: { labels: { app: 'web' } } });
  });

  describe('a workloadSelector from a workload', () => {
    const deploymentIn = (chart: Chart, namespace?: string) => new ApiObject(chart, 'ratings-deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ratings', ...(namespace ? { namespace } : {}) },
      spec: { selector: { matchLabels: { app: 'ratings' } }, template: { metadata: { labels: { app: 'ratings' } } } },
    });

    test('of a workload in another namespace than the Sidecar\'s -> throws, naming the path, both namespaces and the fix', () => {
      const app = Testing.app();
      const deployment = deploymentIn(new Chart(app, 'backend', { namespace: 'backend' }));
      expect(() => new WorkloadSidecar(new Chart(app, 'shop', { namespace: 'shop' }), 'ratings', { workloadSelector: WorkloadSelector.fromWorkload(deployment) })).toThrow(
        'WorkloadSidecar at "shop/ratings" is in namespace "shop", but its workloadSelector selects the pods of "backend/ratings-deployment", in namespace "backend": '
        + 'a Sidecar only selects pods of its own namespace, so it would select nothing; '
        + 'create the Sidecar in namespace "backend" (a chart of that namespace, or metadata.namespace), or select a workload of namespace "shop"',
      );
    });

    test('of a workload whose own metadata.namespace differs from the Sidecar\'s chart -> throws', () => {
      const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
      const deployment = deploymentIn(chart, 'backend');
      expect(() => new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.fromWorkload(deployment) })).toThrow(/^Sidecar at "shop\/ratings" is in namespace "shop", but .* in namespace "backend"/);
    });

    test('the Sidecar\'s metadata.namespace moves it to the workload\'s namespace -> accepted', () => {
      const app = Testing.app();
      const deployment = deploymentIn(new Chart(app, 'backend', { namespace: 'backend' }));
      const sidecar = new WorkloadSidecar(new Chart(app, 'shop', { namespace: 'shop' }), 'ratings', {
        metadata: { namespace: 'backend' }, workloadSelector: WorkloadSelector.fromWorkload(deployment),
      });
      expect(sidecar.namespace).toBe('backend');
    });

    test('a namespace left unset on either side is not compared: kubectl decides it at apply time', () => {
      const app = Testing.app();
      const deployment = deploymentIn(new Chart(app, 'anywhere'));
      const sidecar = new WorkloadSidecar(new Chart(app, 'shop', { namespace: 'shop' }), 'ratings', { workloadSelector: WorkloadSelector.fromWorkload(deployment) });
      expect(sidecar.apiObject.toJson().spec.workloadSelector).toEqual({ labels: { app: 'ratings' } });
    });
  });

  test('refuses a missing workloadSelector (a type error, and at run time for JavaScript)', () => {
    const message = 'WorkloadSidecar at "test/ratings" needs a workloadSelector, e.g. WorkloadSelector.of({ app: "ratings" }) or WorkloadSelector.fromWorkload(deployment); '
      + 'to configure a whole namespace, use a NamespaceDefaultSidecar';
    // @ts-expect-error workloadSelector is required
    expect(() => new WorkloadSidecar(Testing.chart(), 'ratings', {})).toThrow(message);
    expect(() => new WorkloadSidecar(Testing.chart(), 'ratings', { workloadSelector: undefined as unknown as WorkloadSelector })).toThrow(message);
    // @ts-expect-error props are required
    expect(() => new WorkloadSidecar(Testing.chart(), 'ratings')).toThrow(message);
  });

  test('refuses an empty selector, which Istio does not treat as "no selector"', () => {
    expect(() => WorkloadSelector.of({})).toThrow(
      'Invalid workload selector {}: expected at least one label, e.g. { app: "ratings" }; to apply a Sidecar to a whole namespace, omit workloadSelector',
    );
  });
});
