import { Severity } from '../../finding';
import { isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { TCP_POOL, sidecarManifest } from '../support/example-manifests';

export const connectionPoolNonEmpty: SidecarRule = {
  id: 'S-CP-NONEMPTY',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A connection pool sets http or tcp',
  why: 'Istio rejects a connection pool object with neither http nor tcp settings, e.g. "inboundConnectionPool: {}".',
  fix: 'Add tcp or http settings to the pool, or remove it.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ inboundConnectionPool: {} })],
    passing: [sidecarManifest({ inboundConnectionPool: TCP_POOL })],
  },
  check(sidecar, report) {
    for (const { raw: pool, path } of sidecarView(sidecar).pools) {
      if (isPresent(pool.http) || isPresent(pool.tcp)) continue;
      report(path, 'the connection pool sets neither http nor tcp: Istio rejects an empty pool; add tcp or http settings, or remove it');
    }
  },
};
