import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { TCP_POOL, sidecarManifest } from '../support/example-manifests';

// The int32 limits the CRD leaves unbounded below; Istio's webhook requires them to be >= 0.
const LIMITS: { readonly [section in 'http' | 'tcp']: readonly string[] } = {
  http: ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams'],
  tcp: ['maxConnections'],
};

export const connectionPoolNonNegative: SidecarRule = {
  id: 'S-CP-NONNEGATIVE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Connection pool limits are 0 or more',
  why: 'Istio rejects negative connection and request limits; the CRD types them as plain int32, so only the webhook catches them.',
  fix: 'Use a limit of 0 or more, or leave the field out for Istio\'s default.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ inboundConnectionPool: { tcp: { maxConnections: -1 } } })],
    passing: [sidecarManifest({ inboundConnectionPool: TCP_POOL })],
  },
  check(sidecar, report) {
    for (const pool of sidecarView(sidecar).pools) {
      for (const name of ['http', 'tcp'] as const) {
        const at = pool[name];
        if (!at) continue;
        for (const key of LIMITS[name]) {
          const value = at.raw[key];
          if (typeof value !== 'number' || value >= 0) continue;
          report(fieldPath(at.path, key), `${name}.${key} is ${value}: connection pool limits must be 0 or more; use a non-negative number, or leave it out for Istio's default`);
        }
      }
    }
  },
};
