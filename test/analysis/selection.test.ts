import { ManifestEntry } from '../../src/analysis/manifest';
import { selectSidecars } from '../../src/analysis/selection';
import { SelectionVia } from '../../src/analysis/selection-via';
import { MeshSnapshot } from '../../src/analysis/snapshot';

function sidecar(namespace: string, name: string, selector?: unknown, creationTimestamp?: string) {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name, namespace, ...(creationTimestamp ? { creationTimestamp } : {}) },
    spec: { ...(selector === undefined ? {} : { workloadSelector: selector }), egress: [{ hosts: ['./*'] }] },
  };
}

function deployment(namespace: string, name: string, labels: Record<string, string>, annotations: Record<string, string> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels, annotations }, spec: { containers: [] } } },
  };
}

function pod(namespace: string, name: string, labels: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [] } };
}

function namespaceObject(name: string, labels: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function select(manifests: unknown[], rootNamespace?: string) {
  const entries: ManifestEntry[] = manifests.map((manifest) => ({ manifest }));
  return selectSidecars(new MeshSnapshot(entries, { rootNamespace })).workloads.map((s) => ({
    workload: s.workload.ref.name,
    sidecar: s.sidecar ? `${s.sidecar.ref.namespace}/${s.sidecar.ref.name}` : null,
    via: s.via,
  }));
}

describe('selectSidecars: which Sidecar istiod applies to a workload', () => {
  test('a matching selector Sidecar beats the namespace default', () => {
    expect(select([
      sidecar('shop', 'default'),
      sidecar('shop', 'ratings', { labels: { app: 'ratings' } }),
      deployment('shop', 'ratings', { app: 'ratings', version: 'v1' }),
      deployment('shop', 'cart', { app: 'cart' }),
    ])).toEqual([
      { workload: 'ratings', sidecar: 'shop/ratings', via: SelectionVia.SELECTOR },
      { workload: 'cart', sidecar: 'shop/default', via: SelectionVia.NAMESPACE_DEFAULT },
    ]);
  });

  test('the root namespace default applies to namespaces without a Sidecar; root Sidecars with a selector never do', () => {
    expect(select([
      sidecar('istio-config', 'scoped', { labels: { app: 'x' } }),
      sidecar('istio-config', 'default'),
      deployment('prod', 'api', { app: 'api' }),
    ], 'istio-config')).toEqual([
      { workload: 'api', sidecar: 'istio-config/default', via: SelectionVia.ROOT_DEFAULT },
    ]);
  });

  test('a root Sidecar with an empty selector is not the mesh default: the built-in default applies', () => {
    expect(select([sidecar('istio-system', 'default', {}), deployment('prod', 'api', { app: 'api' })])).toEqual([
      { workload: 'api', sidecar: null, via: SelectionVia.BUILTIN_DEFAULT },
    ]);
  });

  test('a selector Sidecar that does not match falls back to the root default, not to nothing', () => {
    expect(select([
      sidecar('prod', 'other', { labels: { app: 'other' } }),
      sidecar('istio-system', 'default'),
      deployment('prod', 'api', { app: 'api' }),
    ])).toEqual([{ workload: 'api', sidecar: 'istio-system/default', via: SelectionVia.ROOT_DEFAULT }]);
  });

  test('an empty selector beats the namespace default (istiod puts it among the selector Sidecars)', () => {
    expect(select([sidecar('prod', 'default'), sidecar('prod', 'everything', {}), pod('prod', 'p', { app: 'a' })])).toEqual([
      { workload: 'p', sidecar: 'prod/everything', via: SelectionVia.SELECTOR },
    ]);
  });

  test('among overlapping selectors the oldest wins, not the most specific', () => {
    expect(select([
      sidecar('prod', 'specific', { labels: { app: 'a', version: 'v1' } }, '2026-01-02T00:00:00Z'),
      sidecar('prod', 'broad', { labels: { app: 'a' } }, '2026-01-01T00:00:00Z'),
      pod('prod', 'p', { app: 'a', version: 'v1' }),
    ])).toEqual([{ workload: 'p', sidecar: 'prod/broad', via: SelectionVia.SELECTOR }]);
  });

  test('without timestamps, ties go to the smaller name', () => {
    expect(select([sidecar('prod', 'zeta'), sidecar('prod', 'alpha'), pod('prod', 'p', {})])).toEqual([
      { workload: 'p', sidecar: 'prod/alpha', via: SelectionVia.NAMESPACE_DEFAULT },
    ]);
  });

  test('selection never crosses namespaces', () => {
    expect(select([sidecar('other', 'ratings', { labels: { app: 'ratings' } }), pod('prod', 'p', { app: 'ratings' })])).toEqual([
      { workload: 'p', sidecar: null, via: SelectionVia.BUILTIN_DEFAULT },
    ]);
  });

  test.each([
    ['gateway pods', [deployment('prod', 'gw', { istio: 'ingressgateway' })]],
    ['pods with injection disabled', [deployment('prod', 'gw', { 'app': 'x', 'sidecar.istio.io/inject': 'false' })]],
    ['ambient pods', [deployment('prod', 'gw', { app: 'x' }, { 'ambient.istio.io/redirection': 'enabled' })]],
    ['pods in an ambient namespace', [namespaceObject('prod', { 'istio.io/dataplane-mode': 'ambient' }), deployment('prod', 'gw', { app: 'x' })]],
  ])('%s have no Sidecar', (_name, manifests) => {
    expect(select([sidecar('prod', 'default'), ...manifests])).toEqual([{ workload: 'gw', sidecar: null, via: SelectionVia.NOT_APPLICABLE }]);
  });

  test('a namespace labelled ambient that also enables injection is not ambient', () => {
    expect(select([
      namespaceObject('prod', { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' }),
      sidecar('prod', 'default'),
      pod('prod', 'p', {}),
    ])).toEqual([{ workload: 'p', sidecar: 'prod/default', via: SelectionVia.NAMESPACE_DEFAULT }]);
  });

  test('CronJob pod template labels are read', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: 'prod' },
      spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: 'nightly' } } } } } },
    };
    expect(select([sidecar('prod', 'jobs', { labels: { app: 'nightly' } }), cronJob])).toEqual([
      { workload: 'nightly', sidecar: 'prod/jobs', via: SelectionVia.SELECTOR },
    ]);
  });
});

describe('selectSidecars: malformed input and opt-outs', () => {
  test('a selector with a non-string label value matches nothing (rather than a broader selector)', () => {
    expect(select([
      sidecar('prod', 'default'),
      sidecar('prod', 'broken', { labels: { app: 'a', version: 1 } }),
      pod('prod', 'p', { app: 'a' }),
    ])).toEqual([{ workload: 'p', sidecar: 'prod/default', via: SelectionVia.NAMESPACE_DEFAULT }]);
  });

  test('a namespace with istio-injection: disabled runs no proxies, unless a pod opts back in', () => {
    expect(select([
      namespaceObject('prod', { 'istio-injection': 'disabled' }),
      sidecar('prod', 'default'),
      pod('prod', 'plain', { app: 'a' }),
      pod('prod', 'opted-in', { 'app': 'b', 'sidecar.istio.io/inject': 'true' }),
    ])).toEqual([
      { workload: 'plain', sidecar: null, via: SelectionVia.NOT_APPLICABLE },
      { workload: 'opted-in', sidecar: 'prod/default', via: SelectionVia.NAMESPACE_DEFAULT },
    ]);
  });
});
