import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { egressListeners } from '../support/sidecar-fields';

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
    for (const { listener, index, path } of egressListeners(sidecar)) {
      const hosts = listener.hosts;
      const hostsPath = fieldPath(path, 'hosts');
      if (hosts === undefined || hosts === null) {
        report(hostsPath, `egress listener ${index} has no hosts: ${HOW}`);
      } else if (Array.isArray(hosts) && hosts.length === 0) {
        report(hostsPath, `egress listener ${index} has an empty hosts list: ${HOW}`);
      }
    }
  },
};
