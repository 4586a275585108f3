import { deploymentManifest, meshSidecar, serviceEntryManifest } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

describeRule('X-NAMESPACE-UNSET', {
  good: [
    { name: 'a Sidecar and a ServiceEntry with a namespace', manifests: [meshSidecar('prod', 'default'), serviceEntryManifest('prod', 'api', ['api.example.com'])] },
    {
      name: 'other kinds are not this rule\'s business',
      manifests: [{ ...deploymentManifest('prod', 'x', { app: 'x' }), metadata: { name: 'x' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } }],
    },
    { name: 'a Sidecar of another API group is not Istio\'s', manifests: [{ apiVersion: 'example.com/v1', kind: 'Sidecar', metadata: { name: 'x' }, spec: {} }] },
  ],
  bad: [
    {
      name: 'a Sidecar without metadata.namespace -> warning',
      manifests: [meshSidecar(null, 'default')],
      count: 1,
      path: 'metadata.namespace',
      message: 'this Sidecar has no metadata.namespace, so it lands in whatever namespace kubectl uses when it is applied, and every check that depends on its namespace '
        + '(which pods it applies to, the mesh default) can only guess; set the chart\'s namespace or metadata.namespace',
    },
    {
      name: 'a ServiceEntry without metadata.namespace -> warning',
      manifests: [serviceEntryManifest(null, 'api', ['api.example.com'])],
      count: 1,
      message: /^this ServiceEntry has no metadata.namespace, .* \(who sees its hosts\)/,
    },
    { name: 'an empty namespace counts as unset', manifests: [meshSidecar('', 'default')], count: 1 },
    { name: 'each object is reported', manifests: [meshSidecar(null, 'a'), meshSidecar(null, 'b'), meshSidecar('prod', 'c')], subjects: ['a', 'b'] },
  ],
});
