import { analyze } from '../../../../src/analysis/engine';
import { nsMultipleSelectorless } from '../../../../src/analysis/rules/mesh/x-ns-multiple-selectorless';
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
    { name: 'two copies of one Sidecar (two charts) are X-DUPLICATE-OBJECT\'s: the cluster keeps one', manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'default')] },
    { name: 'a workloadSelector of the wrong type is left to the schema rules', manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'odd', 'app=ratings')] },
  ],
  bad: [
    {
      // istioctl analyze (has-conflict-1/2) and Kiali (sidecar1/sidecar2): every Sidecar of the group.
      name: 'two Sidecars without a workloadSelector in one namespace -> one error on each, kept and ignored',
      manifests: [meshSidecar('ns2', 'other'), meshSidecar('ns2', 'default')],
      count: 2,
      subjects: ['other', 'default'],
      related: ['other'],
      message: 'namespace "ns2" has 2 Sidecars that apply to the whole namespace (no workloadSelector, or an empty one): "default" and "other"; '
        + 'istiod uses this one (the oldest by creationTimestamp, then by name) and ignores "other"; '
        + 'keep one namespace-wide Sidecar named "default", and give the others a workloadSelector with labels or delete them',
    },
    {
      name: 'the ignored one says it is ignored and which one wins',
      manifests: [meshSidecar('ns2', 'other'), meshSidecar('ns2', 'default')],
      related: ['default'],
      message: 'namespace "ns2" has 2 Sidecars that apply to the whole namespace (no workloadSelector, or an empty one): "default" and "other"; '
        + 'istiod ignores this one and uses "default" (the oldest by creationTimestamp, then by name); '
        + 'keep one namespace-wide Sidecar named "default", and give the others a workloadSelector with labels or delete them',
    },
    {
      name: 'three namespace-wide Sidecars -> three errors, each naming the two others',
      manifests: [meshSidecar('shop', 'a'), meshSidecar('shop', 'b'), meshSidecar('shop', 'c')],
      count: 3,
      subjects: ['a', 'b', 'c'],
      related: ['b', 'c'],
      message: /: "a", "b" and "c"; istiod uses this one .* and ignores "b" and "c";/,
    },
    {
      name: 'three namespace-wide Sidecars: the third is ignored for the first',
      manifests: [meshSidecar('shop', 'a'), meshSidecar('shop', 'b'), meshSidecar('shop', 'c')],
      related: ['a', 'b'],
      message: /; istiod ignores this one and uses "a" \(the oldest/,
    },
    {
      name: 'creationTimestamp decides which is the oldest, before the name',
      manifests: [
        meshSidecar('shop', 'alpha', undefined, { metadata: { creationTimestamp: '2026-02-01T00:00:00Z' } }),
        meshSidecar('shop', 'zeta', undefined, { metadata: { creationTimestamp: '2026-01-01T00:00:00Z' } }),
      ],
      subjects: ['alpha', 'zeta'],
      message: /: "zeta" and "alpha"; istiod ignores this one and uses "zeta"/,
    },
    {
      name: 'a Sidecar without creationTimestamp is not created yet, so newer than one that has it',
      manifests: [
        meshSidecar('shop', 'alpha'),
        meshSidecar('shop', 'zeta', undefined, { metadata: { creationTimestamp: '2026-01-01T00:00:00Z' } }),
      ],
      message: /: "zeta" and "alpha"; istiod ignores this one and uses "zeta"/,
    },
    {
      name: 'an empty selector counts as namespace-wide, and istiod uses it first',
      manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'everything', {})],
      subjects: ['default', 'everything'],
      related: ['default'],
      message: /istiod uses this one \(its empty workloadSelector puts it before any Sidecar without one\) and ignores "default"/,
    },
    { name: 'labels: {} counts as an empty selector', manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'all', { labels: {} })], count: 2 },
    { name: 'the root namespace too', manifests: [meshSidecar('istio-system', 'default'), meshSidecar('istio-system', 'global')], subjects: ['default', 'global'] },
    {
      name: 'a configured root namespace too',
      rootNamespace: 'istio-config',
      manifests: [meshSidecar('istio-config', 'default'), meshSidecar('istio-config', 'global')],
      count: 2,
    },
    {
      name: 'two Sidecars without a namespace land in the same one',
      manifests: [meshSidecar(null, 'default'), meshSidecar(null, 'other')],
      message: /^the namespace kubectl picks at apply time \(metadata.namespace is not set\) has 2 Sidecars/,
    },
    {
      name: 'two copies of "default" and another: the copies are named by where they come from, never "default" and "default"',
      manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'default'), meshSidecar('shop', 'other')],
      count: 3,
      message: /: "default" \(at [^)]+\), "default" \(at [^)]+\) and "other"; istiod uses this one .* and ignores "default" \(at [^)]+\) and "other";/,
    },
    {
      name: 'a namespace labelled ambient that also enables injection is not ambient',
      manifests: [
        namespaceManifest('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' }),
        meshSidecar('shop', 'default'),
        meshSidecar('shop', 'other'),
      ],
      count: 2,
    },
    {
      // istioctl analyze: without the Namespace object, the namespace is not known to be ambient.
      name: 'without a Namespace object in the input, the namespace is not ambient: both are flagged',
      manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'other')],
      count: 2,
    },
  ],
});

describe('X-NS-MULTIPLE-SELECTORLESS suppressions', () => {
  test('a suppression on one Sidecar of the group silences only its own finding', () => {
    const entries = [meshSidecar('shop', 'default'), meshSidecar('shop', 'other')].map((manifest, i) => ({
      manifest,
      location: `case/${i}`,
      ...(i === 1 ? { suppressions: [{ ruleId: 'X-NS-MULTIPLE-SELECTORLESS', reason: 'removed in the next release' }] } : {}),
    }));
    const findings = analyze(entries, { rules: [nsMultipleSelectorless] });
    expect(findings.map((f) => [f.resource.name, f.suppressedReason])).toEqual([['default', undefined], ['other', 'removed in the next release']]);
  });
});
