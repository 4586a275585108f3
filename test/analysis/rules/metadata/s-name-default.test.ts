import { describeRule, sidecarManifest } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];

describeRule('S-NAME-DEFAULT', {
  good: [
    { name: 'the namespace-wide Sidecar named "default"', manifests: [sidecarManifest({ egress }, { name: 'default' })] },
    { name: 'a selector Sidecar may have any name', manifests: [sidecarManifest({ egress, workloadSelector: { labels: { app: 'a' } } }, { name: 'ratings' })] },
    { name: 'an empty selector is a selector, not namespace-wide, for istiod', manifests: [sidecarManifest({ egress, workloadSelector: {} }, { name: 'all' })] },
    { name: 'a Sidecar without a name is left to Kubernetes', manifests: [sidecarManifest({ egress }, { name: undefined })] },
    { name: 'the mesh default in the root namespace named "default"', manifests: [sidecarManifest({ egress }, { name: 'default', namespace: 'istio-system' })] },
  ],
  bad: [
    {
      name: 'a selector-less Sidecar named "ns-wide" -> warning',
      manifests: [sidecarManifest({ egress }, { name: 'ns-wide' })],
      path: 'metadata.name',
      message: 'this Sidecar has no workloadSelector, so it applies to its whole namespace, but it is named "ns-wide"; name the namespace-wide Sidecar "default", as Istio\'s docs recommend, or add a workloadSelector',
    },
    { name: 'a null workloadSelector counts as none -> warning', manifests: [sidecarManifest({ egress, workloadSelector: null }, { name: 'x' })] },
    { name: 'the mesh default in the root namespace named otherwise -> warning', manifests: [sidecarManifest({ egress }, { name: 'global', namespace: 'istio-system' })] },
    { name: 'the letter case matters -> warning', manifests: [sidecarManifest({ egress }, { name: 'Default' })], count: 1 },
  ],
});
