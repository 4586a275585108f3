import { meshSidecar, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

describeRule('X-ROOT-EMPTY-SELECTOR', {
  good: [
    { name: 'the mesh default without a selector', manifests: [meshSidecar('istio-system', 'default')] },
    { name: 'a null workloadSelector counts as none', manifests: [meshSidecar('istio-system', 'default', null)] },
    { name: 'an empty selector outside the root namespace is X-EMPTY-SELECTOR-PRECEDENCE\'s', manifests: [meshSidecar('prod', 'all', {})] },
    { name: 'a selector with labels is X-ROOT-DEFAULT-HAS-SELECTOR\'s', manifests: [selectorSidecar('istio-system', 'scoped', { app: 'x' })] },
  ],
  bad: [
    {
      name: 'istio-system/default with workloadSelector: {} -> warning',
      manifests: [meshSidecar('istio-system', 'default', {})],
      path: 'spec.workloadSelector',
      message: 'this Sidecar in the mesh root namespace "istio-system" has an empty workloadSelector, so it is not the mesh-wide default (istiod only checks whether the field is present): '
        + 'it applies to every pod of "istio-system" and nowhere else; remove the workloadSelector field to make it the mesh-wide default',
    },
    { name: 'labels: {} is empty too', manifests: [meshSidecar('istio-system', 'default', { labels: {} })], count: 1 },
    { name: 'a configured root namespace', rootNamespace: 'mesh-root', manifests: [meshSidecar('mesh-root', 'default', {})], count: 1 },
  ],
});
