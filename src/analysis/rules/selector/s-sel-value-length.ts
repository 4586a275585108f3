import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { LABEL_VALUE_MAX_LENGTH } from '../../syntax/labels';
import { sidecarManifest } from '../support/example-manifests';
import { stringSelectorLabels } from '../support/selector-labels';

export const selValueLength: SidecarRule = {
  id: 'S-SEL-VALUE-LENGTH',
  scope: 'sidecar',
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
  check(sidecar, report) {
    for (const { key, value, path } of stringSelectorLabels(sidecar)) {
      if (value.length <= LABEL_VALUE_MAX_LENGTH) continue;
      report(path, `the value of workloadSelector label ${JSON.stringify(key)} is ${value.length} characters long (${JSON.stringify(value)}), more than the ${LABEL_VALUE_MAX_LENGTH} the Sidecar CRD allows; select on a shorter label value`);
    }
  },
};
