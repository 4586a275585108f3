import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const h2UpgradeClientProtocol: SidecarRule = {
  id: 'S-CP-H2-UPGRADE-CLIENT-PROTOCOL',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A connection pool does not combine h2UpgradePolicy UPGRADE with useClientProtocol',
  why: 'Istio rejects the pair: UPGRADE switches connections to HTTP/2 while useClientProtocol keeps whatever protocol the client used.',
  fix: 'Drop useClientProtocol, or set h2UpgradePolicy to DEFAULT or DO_NOT_UPGRADE.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ inboundConnectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } })],
    passing: [sidecarManifest({ inboundConnectionPool: { http: { h2UpgradePolicy: 'UPGRADE' } } })],
  },
  check(sidecar, report) {
    for (const { http } of sidecarView(sidecar).pools) {
      if (!http || http.raw.h2UpgradePolicy !== 'UPGRADE' || http.raw.useClientProtocol !== true) continue;
      report(
        fieldPath(http.path, 'useClientProtocol'),
        'http.useClientProtocol is true while http.h2UpgradePolicy is "UPGRADE": Istio rejects the pair because one keeps the client\'s protocol and the other forces HTTP/2; drop useClientProtocol or change h2UpgradePolicy',
      );
    }
  },
};
