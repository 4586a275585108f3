import { deploymentManifest, meshSidecar, namespaceManifest, serviceEntryManifest, serviceManifest } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

describeRule('X-DUPLICATE-OBJECT', {
  good: [
    { name: 'a "default" Sidecar in each of two namespaces', manifests: [meshSidecar('shop', 'default'), meshSidecar('cart', 'default')] },
    { name: 'a Sidecar and a ServiceEntry of the same name', manifests: [meshSidecar('shop', 'ratings'), serviceEntryManifest('shop', 'ratings', ['ratings.example.com'])] },
    { name: 'a Service and a Deployment of the same name', manifests: [serviceManifest('shop', 'ratings'), deploymentManifest('shop', 'ratings', { app: 'ratings' })] },
    { name: 'a Sidecar with a namespace and one without: kubectl may put them apart', manifests: [meshSidecar('shop', 'default'), meshSidecar(null, 'default')] },
    { name: 'a Sidecar with namespace "" and one without: written apart, kept apart', manifests: [meshSidecar('', 'default'), meshSidecar(null, 'default')] },
  ],
  bad: [
    {
      name: 'two "default" Sidecars of one namespace (two charts) -> one error, naming both by where they come from',
      manifests: [meshSidecar('shop', 'default'), meshSidecar('shop', 'default')],
      count: 1,
      related: ['default'],
      message: /^Sidecar "default" in namespace "shop" is defined 2 times in the input \(at \S+ and \S+\): kubectl applies one over the other/,
    },
    {
      name: 'v1 and v1beta1 of the same Sidecar are one object',
      manifests: [meshSidecar('shop', 'default'), { ...meshSidecar('shop', 'default'), apiVersion: 'networking.istio.io/v1beta1' }],
      count: 1,
    },
    {
      name: 'three ServiceEntries of the same name -> one error naming the two others',
      manifests: [
        serviceEntryManifest('shop', 'payments', ['pay.example.com']),
        serviceEntryManifest('shop', 'payments', ['pay.example.org']),
        serviceEntryManifest('shop', 'payments', ['pay.example.net']),
      ],
      count: 1,
      related: ['payments', 'payments'],
      message: /^ServiceEntry "payments" in namespace "shop" is defined 3 times/,
    },
    { name: 'two Deployments of the same name', manifests: [deploymentManifest('shop', 'ratings', { app: 'ratings' }), deploymentManifest('shop', 'ratings', { app: 'ratings', v: '2' })], count: 1 },
    {
      name: 'two Namespaces of the same name: cluster-scoped, no namespace in the message',
      manifests: [namespaceManifest('shop', {}), namespaceManifest('shop', { 'istio-injection': 'enabled' })],
      message: /^Namespace "shop" is defined 2 times/,
    },
    {
      name: 'two Sidecars without a namespace land in the same one',
      manifests: [meshSidecar(null, 'default'), meshSidecar(null, 'default')],
      message: /^Sidecar "default" in the namespace kubectl picks at apply time/,
    },
  ],
});
