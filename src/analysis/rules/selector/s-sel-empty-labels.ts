import { Severity } from '../../finding';
import { objectAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const selEmptyLabels: SidecarRule = {
  id: 'S-SEL-EMPTY-LABELS',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'A workloadSelector has at least one label',
  why: 'A workloadSelector without labels selects every workload of the namespace, yet unlike a Sidecar without workloadSelector it takes precedence over the namespace default (and in the root namespace it is never the mesh default). Istio accepts it with a warning.',
  fix: 'Add labels that select the intended workloads, or remove workloadSelector to make this the namespace-wide Sidecar.',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({ workloadSelector: {}, egress: [{ hosts: ['./*'] }] })],
    passing: [
      sidecarManifest({ workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*'] }] }),
      sidecarManifest({ egress: [{ hosts: ['./*'] }] }),
    ],
  },
  check(sidecar, report) {
    const selector = sidecarView(sidecar).selector;
    if (!selector) return;
    const labels = objectAt(selector.raw, 'labels');
    // Labels of another type are the schema rule's to report.
    const empty = selector.labelsValue === undefined || selector.labelsValue === null || (labels !== undefined && Object.keys(labels).length === 0);
    if (!empty) return;
    report(selector.path, 'workloadSelector has no labels, so this Sidecar applies to every workload of its namespace and, unlike a Sidecar without workloadSelector, takes precedence over the namespace default; add labels to select workloads, or remove workloadSelector');
  },
};
