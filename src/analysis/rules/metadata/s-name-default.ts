import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';

export const nameDefault: SidecarRule = {
  id: 'S-NAME-DEFAULT',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'The namespace-wide Sidecar (no workloadSelector) is named "default"',
  why: 'Istio\'s docs recommend the name "default" for the one Sidecar that applies to a whole namespace, so that it is easy to find and a second one stands out.',
  fix: 'Rename the selector-less Sidecar to "default", or give it a workloadSelector if it is meant for some workloads only.',
  references: [],
  sources: [RuleSource.OWN],
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { name: 'ns-wide' })],
    passing: [
      sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { name: 'default' }),
      sidecarManifest({ workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*'] }] }, { name: 'ratings' }),
    ],
  },
  check(sidecar, report) {
    const name = sidecar.ref.name;
    // A missing name is not this rule's business: Kubernetes itself rejects the object.
    if (sidecar.hasSelectorField || name === '' || name === 'default') return;
    report('metadata.name', `this Sidecar has no workloadSelector, so it applies to its whole namespace, but it is named ${JSON.stringify(name)}; name the namespace-wide Sidecar "default", as Istio's docs recommend, or add a workloadSelector`);
  },
};
