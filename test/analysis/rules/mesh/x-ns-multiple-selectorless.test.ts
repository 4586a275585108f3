import { meshSidecar, namespaceManifest } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

describeRule('X-NS-MULTIPLE-SELECTORLESS', {
  good: [
    { name: 'one namespace default and a selector Sidecar', manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'ratings', { labels: { app: 'ratings' } })] },
    { name: 'one namespace-wide Sidecar in each of two namespaces', manifests: [meshSidecar('shop', 'default'), meshSidecar('cart', 'default')] },
    { name: 'the mesh default and a namespace default', manifests: [meshSidecar('istio-system', 'default'), meshSidecar('shop', 'default')] },
    {
      name: 'two in an ambient namespace are left to X-AMBIENT-INEFFECTIVE',
      manifests: [namespaceManifest('shop', { 'istio.io/dataplane-mode': 'ambient' }), meshSidecar('shop', 'default'), meshSidecar('shop', 'other')],
    },
    { name: 'a workloadSelector of the wrong type is left to the schema rules', manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'odd', 'app=ratings')] },
  ],
  bad: [
    {
      name: 'two Sidecars without a workloadSelector in one namespace -> one error on the oldest',
      manifests: [meshSidecar('ns2', 'other'), meshSidecar('ns2', 'default')],
      count: 1,
      subjects: ['default'],
      related: ['other'],
      message: 'namespace "ns2" has 2 Sidecars that apply to the whole namespace (no workloadSelector, or an empty one): "default" and "other"; '
        + 'istiod uses only "default" (the oldest by creationTimestamp, then by name) and ignores "other"; '
        + 'keep one namespace-wide Sidecar named "default", and give the others a workloadSelector with labels or delete them',
    },
    {
      name: 'three namespace-wide Sidecars -> one error naming all of them',
      manifests: [meshSidecar('shop', 'a'), meshSidecar('shop', 'b'), meshSidecar('shop', 'c')],
      count: 1,
      subjects: ['a'],
      related: ['b', 'c'],
      message: /: "a", "b" and "c"; istiod uses only "a" .* and ignores "b" and "c";/,
    },
    {
      name: 'creationTimestamp decides which is the oldest, before the name',
      manifests: [
        meshSidecar('shop', 'alpha', undefined, { metadata: { creationTimestamp: '2026-02-01T00:00:00Z' } }),
        meshSidecar('shop', 'zeta', undefined, { metadata: { creationTimestamp: '2026-01-01T00:00:00Z' } }),
      ],
      subjects: ['zeta'],
    },
    {
      name: 'an empty selector counts as namespace-wide, and istiod uses it first',
      manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'everything', {})],
      subjects: ['everything'],
      related: ['default'],
      message: /istiod uses only "everything" \(its empty workloadSelector puts it before any Sidecar without one\) and ignores "default"/,
    },
    { name: 'labels: {} counts as an empty selector', manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'all', { labels: {} })], count: 1 },
    { name: 'the root namespace too', manifests: [meshSidecar('istio-system', 'default'), meshSidecar('istio-system', 'global')], subjects: ['default'] },
    {
      name: 'a configured root namespace too',
      rootNamespace: 'istio-config',
      manifests: [meshSidecar('istio-config', 'default'), meshSidecar('istio-config', 'global')],
      count: 1,
    },
    {
      name: 'two Sidecars without a namespace land in the same one',
      manifests: [meshSidecar(null, 'default'), meshSidecar(null, 'other')],
      message: /^the namespace kubectl picks at apply time \(metadata.namespace is not set\) has 2 Sidecars/,
    },
    {
      name: 'a namespace labelled ambient that also enables injection is not ambient',
      manifests: [
        namespaceManifest('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' }),
        meshSidecar('shop', 'default'),
        meshSidecar('shop', 'other'),
      ],
      count: 1,
    },
  ],
});
