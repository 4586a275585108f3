import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { LABELS_PATH, selectorLabelsObject } from '../support/selector-labels';

const MAX_LABELS = 256;

function manyLabels(count: number): { [key: string]: string } {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`label-${i}`, 'x']));
}

export const selMaxLabels: SidecarRule = {
  id: 'S-SEL-MAX-LABELS',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A workloadSelector has at most 256 labels',
  why: 'The Sidecar CRD allows at most 256 selector labels; the API server rejects more.',
  fix: 'Select on fewer labels: one or two identifying labels such as app and version are usually enough.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ workloadSelector: { labels: manyLabels(MAX_LABELS + 1) }, egress: [{ hosts: ['./*'] }] })],
    passing: [sidecarManifest({ workloadSelector: { labels: manyLabels(MAX_LABELS) }, egress: [{ hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    const count = Object.keys(selectorLabelsObject(sidecar) ?? {}).length;
    if (count <= MAX_LABELS) return;
    report(LABELS_PATH, `workloadSelector has ${count} labels, more than the ${MAX_LABELS} the Sidecar CRD allows; select on fewer labels, e.g. just "app"`);
  },
};
