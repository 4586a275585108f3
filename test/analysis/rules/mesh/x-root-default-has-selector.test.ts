import { meshSidecar, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

describeRule('X-ROOT-DEFAULT-HAS-SELECTOR', {
  good: [
    { name: 'the mesh default without a selector', manifests: [meshSidecar('istio-system', 'default')] },
    { name: 'a selector Sidecar outside the root namespace', manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' })] },
    { name: 'istio-system is not special when another root namespace is configured', rootNamespace: 'istio-config', manifests: [selectorSidecar('istio-system', 'gw', { app: 'x' })] },
    { name: 'an empty selector is X-ROOT-EMPTY-SELECTOR\'s', manifests: [meshSidecar('istio-system', 'default', {})] },
  ],
  bad: [
    {
      name: 'istio-system/global with a selector -> warning',
      manifests: [selectorSidecar('istio-system', 'global', { app: 'foo' })],
      path: 'spec.workloadSelector',
      message: 'this Sidecar is in the mesh root namespace "istio-system" but has a workloadSelector ("app=foo"), so it is never the mesh-wide default: '
        + 'it applies only to matching pods in "istio-system"; remove the workloadSelector to make it the mesh-wide default, or move it to the namespace of the workloads it is for',
    },
    { name: 'a configured root namespace', rootNamespace: 'istio-config', manifests: [selectorSidecar('istio-config', 'default', { app: 'foo' })], count: 1 },
    {
      name: 'reported even next to a proper mesh default',
      manifests: [meshSidecar('istio-system', 'default'), selectorSidecar('istio-system', 'scoped', { app: 'foo' })],
      subjects: ['scoped'],
    },
  ],
});
