import { deploymentManifest, meshSidecar, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const ingressGateway = deploymentManifest('istio-ingress', 'istio-ingressgateway', { app: 'istio-ingressgateway', istio: 'ingressgateway' });

describeRule('X-NOT-FOR-GATEWAYS', {
  good: [
    { name: 'a selector Sidecar on an application', manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })] },
    {
      name: 'a selector matching a gateway and an application still works for the application',
      manifests: [
        selectorSidecar('istio-ingress', 'team', { team: 'edge' }),
        deploymentManifest('istio-ingress', 'gw', { istio: 'ingressgateway', team: 'edge' }),
        deploymentManifest('istio-ingress', 'api', { app: 'api', team: 'edge' }),
      ],
    },
    { name: 'a namespace default in a gateway namespace is not selecting', manifests: [meshSidecar('istio-ingress', 'default'), ingressGateway] },
    { name: 'a selector that matches nothing is X-SELECTOR-NO-MATCH\'s', manifests: [selectorSidecar('istio-ingress', 'gw', { istio: 'egressgateway' }), ingressGateway] },
  ],
  bad: [
    {
      name: 'a selector on the Istio ingress gateway -> warning',
      manifests: [selectorSidecar('istio-ingress', 'gateway', { istio: 'ingressgateway' }), ingressGateway],
      count: 1,
      path: 'spec.workloadSelector',
      related: ['istio-ingressgateway'],
      message: 'this Sidecar only selects gateways (Deployment "istio-ingressgateway"), and a gateway proxy never reads Sidecar resources, so it has no effect; '
        + 'delete it or select sidecar-injected workloads instead (configure gateways with Gateway and VirtualService resources)',
    },
    {
      name: 'a selector on a Gateway API gateway -> warning',
      manifests: [
        selectorSidecar('prod', 'gw', { 'gateway.networking.k8s.io/gateway-name': 'web' }),
        deploymentManifest('prod', 'web-istio', { 'gateway.networking.k8s.io/gateway-name': 'web' }),
      ],
      count: 1,
    },
    {
      name: 'a selector on a waypoint -> warning',
      manifests: [
        selectorSidecar('prod', 'waypoint', { 'gateway.istio.io/managed': 'istio.io-mesh-controller' }),
        deploymentManifest('prod', 'waypoint', { 'gateway.istio.io/managed': 'istio.io-mesh-controller' }),
      ],
      count: 1,
    },
    { name: 'an empty selector in a gateway-only namespace -> warning', manifests: [meshSidecar('istio-ingress', 'all', {}), ingressGateway], count: 1 },
  ],
});
