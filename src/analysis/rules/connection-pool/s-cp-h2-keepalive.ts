import { Severity } from '../../finding';
import { fieldPath, isPresent, objectAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const h2KeepAlive: SidecarRule = {
  id: 'S-CP-H2-KEEPALIVE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An HTTP/2 keepalive sets both interval and timeout',
  why: 'Istio rejects http.http2KeepAlive unless it says both how often to send a PING (interval) and how long to wait for the answer (timeout).',
  fix: 'Set both interval and timeout, e.g. interval "10s" and timeout "3s", or remove http2KeepAlive.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ inboundConnectionPool: { http: { http2KeepAlive: { interval: '10s' } } } })],
    passing: [sidecarManifest({ inboundConnectionPool: { http: { http2KeepAlive: { interval: '10s', timeout: '3s' } } } })],
  },
  check(sidecar, report) {
    for (const { http } of sidecarView(sidecar).pools) {
      const keepAlive = objectAt(http?.raw, 'http2KeepAlive');
      if (!http || !keepAlive) continue;
      const missing = ['interval', 'timeout'].filter((key) => !isPresent(keepAlive[key]));
      if (missing.length === 0) continue;
      report(
        fieldPath(http.path, 'http2KeepAlive'),
        `http.http2KeepAlive has no ${missing.join(' and no ')}: Istio needs both interval and timeout; set both, e.g. interval "10s" and timeout "3s", or remove http2KeepAlive`,
      );
    }
  },
};
