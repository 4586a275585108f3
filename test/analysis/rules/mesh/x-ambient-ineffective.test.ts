import { deploymentManifest, meshSidecar, namespaceManifest, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const AMBIENT_NS = namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient' });
const AMBIENT_POD = { 'ambient.istio.io/redirection': 'enabled' };

describeRule('X-AMBIENT-INEFFECTIVE', {
  good: [
    { name: 'a namespace default in a sidecar namespace', manifests: [namespaceManifest('prod', { 'istio-injection': 'enabled' }), meshSidecar('prod', 'default')] },
    {
      name: 'a namespace labelled ambient that also enables injection is not ambient',
      manifests: [namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' }), meshSidecar('prod', 'default')],
    },
    {
      name: 'a namespace labelled ambient with a revision label is not ambient',
      manifests: [namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/rev': 'canary' }), meshSidecar('prod', 'default')],
    },
    {
      name: 'a selector Sidecar matching one ambient pod and one sidecar pod still works for the latter',
      manifests: [
        selectorSidecar('prod', 'ratings', { app: 'ratings' }),
        deploymentManifest('prod', 'ratings-v1', { app: 'ratings', version: 'v1' }, AMBIENT_POD),
        deploymentManifest('prod', 'ratings-v2', { app: 'ratings', version: 'v2' }),
      ],
    },
    { name: 'a namespace without a Namespace object in the input is not known to be ambient', manifests: [meshSidecar('prod', 'default')] },
    { name: 'a selector that matches nothing is X-SELECTOR-NO-MATCH\'s', manifests: [AMBIENT_NS, selectorSidecar('prod', 'ratings', { app: 'ratings' })] },
  ],
  bad: [
    {
      name: 'a namespace-wide Sidecar in an ambient namespace -> warning',
      manifests: [AMBIENT_NS, meshSidecar('prod', 'default')],
      count: 1,
      message: 'namespace "prod" runs in ambient mode (labelled istio.io/dataplane-mode: ambient), whose pods have no sidecar proxy, so this namespace-wide Sidecar has no effect; '
        + 'delete it, or enable sidecar injection for the namespace if its pods are meant to run sidecars',
    },
    { name: 'an empty selector in an ambient namespace -> warning', manifests: [AMBIENT_NS, meshSidecar('prod', 'all', {})], count: 1 },
    {
      name: 'a selector Sidecar whose pods are all ambient -> warning',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' }, AMBIENT_POD)],
      path: 'spec.workloadSelector',
      related: ['ratings'],
      message: /^every pod this Sidecar selects is captured by ambient mode and has no sidecar proxy \(Deployment "ratings"\)/,
    },
    {
      name: 'a selector Sidecar in an ambient namespace whose pods match -> warning',
      manifests: [AMBIENT_NS, selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
      count: 1,
    },
    {
      name: 'several namespace-wide Sidecars in an ambient namespace are each reported',
      manifests: [AMBIENT_NS, meshSidecar('prod', 'default'), meshSidecar('prod', 'other')],
      subjects: ['default', 'other'],
    },
    {
      // istioctl analyze: IST0167 once on each Sidecar selecting an ambient pod, and no IST0110.
      name: 'two Sidecars selecting the same ambient pod are each reported, once',
      manifests: [
        selectorSidecar('prod', 'by-app', { app: 'ratings' }),
        selectorSidecar('prod', 'by-tier', { tier: 'backend' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }, AMBIENT_POD),
      ],
      count: 2,
      subjects: ['by-app', 'by-tier'],
    },
  ],
});
