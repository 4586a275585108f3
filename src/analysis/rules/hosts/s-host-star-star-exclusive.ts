import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { importedHostsByListener } from '../support/imported-hosts';

export const hostStarStarExclusive: SidecarRule = {
  id: 'S-HOST-STAR-STAR-EXCLUSIVE',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'An egress listener that imports "*/*" lists no hosts of named namespaces',
  why: 'Istio warns when "*/*" shares a listener with hosts of another namespace: "*/*" already imports every host of every namespace, so the other entries add nothing and suggest a narrower import was meant.',
  fix: 'Remove the other hosts, or replace "*/*" with the namespaces the workload calls, e.g. "./*" and "istio-system/*".',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['*/*', 'test/a.example.com'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['*/*', '~test/a.example.com'] }] })],
  },
  check(sidecar, report) {
    for (const hosts of importedHostsByListener(sidecar)) {
      const starStar = hosts.find((h) => h.namespace === '*' && h.dnsName === '*');
      const others = hosts.filter((h) => h.namespace !== '*');
      if (!starStar || others.length === 0) continue;
      const listed = others.map((h) => `"${h.host}"`).join(', ');
      report(starStar.path, `egress host "*/*" imports every host of every namespace, so the other hosts of this listener (${listed}) add nothing; remove them, or replace "*/*" with the namespaces the workload calls`);
    }
  },
};
