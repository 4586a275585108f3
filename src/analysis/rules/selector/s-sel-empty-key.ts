import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const selEmptyKey: SidecarRule = {
  id: 'S-SEL-EMPTY-KEY',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'No workloadSelector label has an empty key',
  why: 'Istio rejects a selector with an empty label key, and then reports no other problem of the Sidecar.',
  fix: 'Give the label its key, e.g. app: ratings, or remove it.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ workloadSelector: { labels: { '': 'ratings' } }, egress: [{ hosts: ['./*'] }] })],
    passing: [sidecarManifest({ workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const { key, value, path } of sidecarView(sidecar).selector?.labels ?? []) {
      if (key !== '') continue;
      const shown = typeof value === 'string' ? ` (with the value ${JSON.stringify(value)})` : '';
      report(path, `a workloadSelector label has an empty key${shown}; Istio rejects it: write the label's key, e.g. "app", or remove the label`);
    }
  },
};
