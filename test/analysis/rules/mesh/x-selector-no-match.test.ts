import { RegistryCompleteness } from '../../../../src/analysis/registry-completeness';
import { deploymentManifest, meshSidecar, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const pod = (namespace: string, name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [] } });

describeRule('X-SELECTOR-NO-MATCH', {
  good: [
    { name: 'the selector matches a Deployment\'s pods', manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' })] },
    { name: 'the selector matches a Pod', manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), pod('prod', 'ratings-0', { app: 'ratings' })] },
    {
      name: 'a CronJob\'s pod template counts',
      manifests: [
        selectorSidecar('prod', 'nightly', { app: 'nightly' }),
        { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'prod' }, spec: { schedule: '0 0 * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'nightly' } }, spec: { containers: [] } } } } } },
      ],
    },
    { name: 'an input without any workload says nothing (registry partial)', manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' })] },
    { name: 'registry complete: a namespace-wide Sidecar selects no labels, workloads or not', manifests: [meshSidecar('prod', 'default')], registry: RegistryCompleteness.COMPLETE },
    { name: 'registry complete: a matching workload', manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })], registry: RegistryCompleteness.COMPLETE },
    { name: 'namespace-wide Sidecars select no labels', manifests: [meshSidecar('prod', 'default'), meshSidecar('prod', 'all', {}), deploymentManifest('other', 'x', { app: 'x' })] },
    { name: 'a selector of the wrong type is left to the schema rules', manifests: [meshSidecar('prod', 'odd', { labels: { app: 1 } }), deploymentManifest('prod', 'x', { app: 'x' })] },
  ],
  bad: [
    {
      name: 'a selector with a typo -> warning',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'bogus' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
      count: 1,
      path: 'spec.workloadSelector.labels',
      message: 'no workload in namespace "prod" has pods labelled "app=bogus", so this Sidecar applies to nothing (a Sidecar only selects pods in its own namespace); '
        + 'fix the labels or the namespace, or suppress this rule if the workload is deployed outside this input'
        + ' (assumed: the input holds some workloads, so it is taken to hold all there are; registry "partial")',
    },
    {
      name: 'registry complete: an input without any workload has none, so a selector matches nothing -> warning',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), meshSidecar('prod', 'default')],
      registry: RegistryCompleteness.COMPLETE,
      subjects: ['ratings'],
      message: /so this Sidecar applies to nothing .* \(assumed: the input is the whole registry, registry "complete"\)$/,
    },
    {
      name: 'the matching workload is in another namespace -> warning',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('staging', 'ratings', { app: 'ratings' })],
      count: 1,
    },
    {
      name: 'every selector label must be on the pod',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings', version: 'v2' }), deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' })],
      count: 1,
    },
    {
      name: 'a Deployment\'s selector labels are not its pod labels',
      manifests: [
        selectorSidecar('prod', 'ratings', { team: 'red' }),
        { ...deploymentManifest('prod', 'ratings', { app: 'ratings' }), metadata: { name: 'ratings', namespace: 'prod', labels: { team: 'red' } } },
      ],
      count: 1,
    },
    {
      name: 'only the Sidecars that match nothing are reported',
      manifests: [
        selectorSidecar('prod', 'ratings', { app: 'ratings' }),
        selectorSidecar('prod', 'reviews', { app: 'reviews' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings' }),
      ],
      subjects: ['reviews'],
    },
  ],
});
