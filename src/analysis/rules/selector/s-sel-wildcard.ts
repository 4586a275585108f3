import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const selWildcard: SidecarRule = {
  id: 'S-SEL-WILDCARD',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'No workloadSelector label key or value contains "*"',
  why: 'Selectors match labels exactly; Istio rejects "*" in a label key or value (the CRD too, in a value), and then reports no other problem of the Sidecar.',
  fix: 'Write the exact label value; to select every workload of the namespace, remove workloadSelector instead.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK, RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ workloadSelector: { labels: { app: '*' } }, egress: [{ hosts: ['./*'] }] })],
    passing: [sidecarManifest({ workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    const view = sidecarView(sidecar);
    // "*" in a value is the CRD's (the model gives it to this rule); in a key only the webhook's.
    const starValues = new Set(view.schemaProblemsOf(selWildcard.id).map((problem) => problem.path));
    for (const { key, value, path } of view.selector?.labels ?? []) {
      const inKey = key.includes('*');
      const inValue = starValues.has(path);
      if (!inKey && !inValue) continue;
      const where = inKey && inValue ? 'its key and value contain' : inKey ? 'its key contains' : 'its value contains';
      const label = typeof value === 'string' ? `${JSON.stringify(key)}: ${JSON.stringify(value)}` : JSON.stringify(key);
      report(path, `workloadSelector label ${label} is invalid: ${where} "*", but selectors match labels exactly; write the exact label, or remove workloadSelector to select every workload of the namespace`);
    }
  },
};
