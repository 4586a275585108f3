import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

const HOW = 'list at least one "<namespace>/<dnsName>" host it imports, e.g. "./*" or "istio-system/*" ("~/*" to import nothing)';

export const egressHostsRequired: SidecarRule = {
  id: 'S-EG-HOSTS-REQUIRED',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Every egress listener lists at least one host',
  why: 'The Sidecar CRD requires hosts on every egress listener and Istio rejects an empty list: a listener must say which services it imports.',
  fix: 'Add the hosts the listener imports, e.g. "./*" and "istio-system/*".',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK, RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: { number: 8080 }, hosts: [] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 8080 }, hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    const view = sidecarView(sidecar);
    // A missing list is the CRD's (the model gives it to this rule); an empty one only the webhook rejects.
    const missing = new Set(view.schemaProblemsOf(egressHostsRequired.id).map((problem) => problem.path));
    for (const { index, hostsPath, hostsValue } of view.egress) {
      if (missing.has(hostsPath)) {
        report(hostsPath, `egress listener ${index} has no hosts: ${HOW}`);
      } else if (Array.isArray(hostsValue) && hostsValue.length === 0) {
        report(hostsPath, `egress listener ${index} has an empty hosts list: ${HOW}`);
      }
    }
  },
};
