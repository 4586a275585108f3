import { Severity } from '../../finding';
import { fieldPath, isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

// The protocols Istio treats as HTTP (compared case-insensitively).
const HTTP_PROTOCOLS: readonly string[] = ['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB'];

export const httpPoolOnNonHttpPort: SidecarRule = {
  id: 'S-CP-HTTP-ON-NON-HTTP-PORT',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'Per-port HTTP pool settings sit on an HTTP port',
  why: 'On an ingress port whose protocol is not HTTP, HTTP2, HTTP_PROXY, GRPC or GRPC-WEB, or is not set at all, only the tcp settings of connectionPool apply; Istio warns.',
  fix: 'Set port.protocol to an HTTP protocol, or move the limits to connectionPool.tcp.',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({
      ingress: [{ port: { number: 9000, protocol: 'TCP', name: 'tcp' }, connectionPool: { http: { http2MaxRequests: 100 } } }],
    })],
    passing: [sidecarManifest({
      ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, connectionPool: { http: { http2MaxRequests: 100 } } }],
    })],
  },
  check(sidecar, report) {
    for (const { raw: pool, path, listener } of sidecarView(sidecar).pools) {
      if (!listener || !isPresent(pool.http)) continue;
      const protocol = listener.protocol;
      if (protocol === undefined || HTTP_PROTOCOLS.includes(protocol.toUpperCase())) continue;
      const number = listener.port?.number;
      const numbered = typeof number === 'number' ? `${number} ` : '';
      const stated = protocol === '' ? 'has no protocol' : `has protocol ${JSON.stringify(protocol)}`;
      report(
        fieldPath(path, 'http'),
        `ingress port ${numbered}${stated}, which Istio does not treat as HTTP, so only the tcp settings of its connectionPool apply; set port.protocol to HTTP, HTTP2, GRPC or GRPC-WEB, or move the limits to connectionPool.tcp`,
      );
    }
  },
};
