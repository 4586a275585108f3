import { meshSidecar, namespaceManifest, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const at = (creationTimestamp: string) => ({ metadata: { creationTimestamp } });

describeRule('X-EMPTY-SELECTOR-PRECEDENCE', {
  good: [
    { name: 'a namespace default without a selector', manifests: [meshSidecar('prod', 'default'), selectorSidecar('prod', 'ratings', { app: 'ratings' })] },
    { name: 'the root namespace is X-ROOT-EMPTY-SELECTOR\'s', manifests: [meshSidecar('istio-system', 'default', {})] },
    { name: 'an ambient namespace is X-AMBIENT-INEFFECTIVE\'s', manifests: [namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient' }), meshSidecar('prod', 'all', {})] },
  ],
  bad: [
    {
      name: 'an empty selector alone -> warning',
      manifests: [meshSidecar('prod', 'everything', {})],
      path: 'spec.workloadSelector',
      message: 'this Sidecar has an empty workloadSelector: istiod treats it as a selector that matches every pod in its namespace, tried before any Sidecar without a selector, '
        + 'so it silently beats the namespace default and hides every newer Sidecar with a workloadSelector; remove the workloadSelector field to make it the namespace default, or give it labels',
    },
    {
      name: 'it beats the namespace default and hides newer selector Sidecars, named as related',
      manifests: [
        selectorSidecar('prod', 'older', { app: 'a' }, at('2024-01-01T00:00:00Z')),
        meshSidecar('prod', 'everything', {}, at('2025-01-01T00:00:00Z')),
        selectorSidecar('prod', 'newer', { app: 'b' }, at('2026-01-01T00:00:00Z')),
        meshSidecar('prod', 'default'),
      ],
      count: 1,
      related: ['default', 'newer'],
      message: /; here it beats the namespace default "default" and hides the newer Sidecars with selector labels "newer", which never apply;/,
    },
    { name: 'labels: {} is empty too', manifests: [meshSidecar('prod', 'all', { labels: {} })], count: 1 },
    { name: 'each empty selector is reported', manifests: [meshSidecar('prod', 'a', {}), meshSidecar('prod', 'b', {})], subjects: ['a', 'b'] },
    {
      name: 'two namespace defaults of the same name are named by where they come from, never "default" and "default"',
      manifests: [meshSidecar('prod', 'all', {}), meshSidecar('prod', 'default'), meshSidecar('prod', 'default')],
      message: /beats the namespace default "default" \(at \S+\) and "default" \(at \S+\)/,
    },
  ],
});
