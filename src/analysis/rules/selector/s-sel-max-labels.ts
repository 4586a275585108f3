import { Severity } from '../../finding';
import { isObject } from '../../manifest';
import { RuleSource } from '../../rule';
import { WORKLOAD_SELECTOR_LABELS_SCHEMA } from '../../schema/model';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

const MAX_LABELS = WORKLOAD_SELECTOR_LABELS_SCHEMA.maxProperties ?? 0;

function manyLabels(count: number): { [key: string]: string } {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`label-${i}`, 'x']));
}

export const selMaxLabels = schemaRule({
  id: 'S-SEL-MAX-LABELS',
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
}, (problem) => {
  const count = isObject(problem.value) ? Object.keys(problem.value).length : 0;
  return `workloadSelector has ${count} labels, more than the ${MAX_LABELS} the Sidecar CRD allows; select on fewer labels, e.g. just "app"`;
});
