import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { WORKLOAD_SELECTOR_LABELS_SCHEMA } from '../../schema/model';
import { characterCount } from '../../schema/walker';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

const MAX_LENGTH = WORKLOAD_SELECTOR_LABELS_SCHEMA.values.maxLength ?? 0;

export const selValueLength = schemaRule({
  id: 'S-SEL-VALUE-LENGTH',
  severity: Severity.ERROR,
  title: 'Every workloadSelector label value is at most 63 characters long',
  why: 'The Sidecar CRD limits selector label values to 63 characters, as Kubernetes limits label values; the API server rejects a longer one (and no pod could carry it).',
  fix: 'Select on a label whose value is at most 63 characters long.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ workloadSelector: { labels: { app: 'r'.repeat(64) } }, egress: [{ hosts: ['./*'] }] })],
    passing: [sidecarManifest({ workloadSelector: { labels: { app: 'r'.repeat(63) } }, egress: [{ hosts: ['./*'] }] })],
  },
}, (problem) => {
  const value = String(problem.value);
  return `the value of workloadSelector label ${JSON.stringify(problem.key)} is ${characterCount(value)} characters long (${JSON.stringify(value)}), more than the ${MAX_LENGTH} the Sidecar CRD allows; select on a shorter label value`;
});
