import { Severity } from '../../finding';
import { arrayAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';

export const emptyConfig: SidecarRule = {
  id: 'S-EMPTY-CONFIG',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A Sidecar configures something: ingress, egress, an outbound traffic policy or an inbound connection pool',
  why: 'Istio rejects a Sidecar whose spec sets none of them; a workloadSelector alone configures nothing.',
  fix: 'Add an egress listener (e.g. hosts ["./*", "istio-system/*"]), an ingress listener, outboundTrafficPolicy or inboundConnectionPool.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ workloadSelector: { labels: { app: 'ratings' } } })],
    passing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    const spec = sidecar.spec;
    const configures = (arrayAt(spec, 'egress')?.length ?? 0) > 0
      || (arrayAt(spec, 'ingress')?.length ?? 0) > 0
      || (spec.outboundTrafficPolicy !== undefined && spec.outboundTrafficPolicy !== null)
      || (spec.inboundConnectionPool !== undefined && spec.inboundConnectionPool !== null);
    if (!configures) {
      report('spec', 'the Sidecar configures nothing: set at least one of egress, ingress, outboundTrafficPolicy or inboundConnectionPool');
    }
  },
};
