import { Severity } from '../../finding';
import { JsonObject, fieldPath, objectAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { durationProblem, parseDurationNanos, truncatedMilliseconds } from '../../syntax/duration';
import { TCP_POOL, sidecarManifest } from '../support/example-manifests';

interface DurationAt {
  readonly value: unknown;
  /** e.g. `tcp.connectTimeout`. */
  readonly name: string;
  readonly path: string;
}

/** Every duration field of a pool, each with its path. */
function durations(pool: JsonObject, poolPath: string): DurationAt[] {
  const fields: DurationAt[] = [];
  const add = (parent: JsonObject | undefined, parentName: string, parentPath: string, keys: readonly string[]) => {
    if (!parent) return;
    for (const key of keys) fields.push({ value: parent[key], name: `${parentName}.${key}`, path: fieldPath(parentPath, key) });
  };
  const http = objectAt(pool, 'http');
  const tcp = objectAt(pool, 'tcp');
  const httpPath = fieldPath(poolPath, 'http');
  const tcpPath = fieldPath(poolPath, 'tcp');
  add(http, 'http', httpPath, ['idleTimeout']);
  add(objectAt(http, 'http2KeepAlive'), 'http.http2KeepAlive', fieldPath(httpPath, 'http2KeepAlive'), ['interval', 'timeout']);
  add(tcp, 'tcp', tcpPath, ['connectTimeout', 'maxConnectionDuration', 'idleTimeout']);
  add(objectAt(tcp, 'tcpKeepalive'), 'tcp.tcpKeepalive', fieldPath(tcpPath, 'tcpKeepalive'), ['time', 'interval']);
  return fields;
}

/** tcp.idleTimeout of 0 (in whole milliseconds, as Istio truncates it) disables the timeout. */
function disablesTcpIdleTimeout(field: DurationAt, text: string): boolean {
  if (field.name !== 'tcp.idleTimeout') return false;
  const nanos = parseDurationNanos(text);
  return nanos !== undefined && truncatedMilliseconds(nanos) === 0n;
}

export const connectionPoolDuration: SidecarRule = {
  id: 'S-CP-DURATION',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Connection pool durations are at least 1ms and whole milliseconds',
  why: 'The CRD and Istio\'s webhook reject pool timeouts below 1ms, and the webhook rejects sub-millisecond precision. Only tcp.idleTimeout may be 0s, which disables it.',
  fix: 'Write a Go-style duration of at least 1ms in whole milliseconds, e.g. "500ms", "1.5s" or "1m".',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK, RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ inboundConnectionPool: { tcp: { connectTimeout: '500us' } } })],
    passing: [sidecarManifest({ inboundConnectionPool: TCP_POOL }), sidecarManifest({ inboundConnectionPool: { tcp: { idleTimeout: '0s' } } })],
  },
  check(sidecar, report) {
    for (const { raw: pool, path } of sidecarView(sidecar).pools) {
      for (const field of durations(pool, path)) {
        // Missing or wrong-typed values are the schema rule's to report.
        if (typeof field.value !== 'string' || disablesTcpIdleTimeout(field, field.value)) continue;
        const problem = durationProblem(field.value);
        if (!problem) continue;
        const hint = field.name === 'tcp.idleTimeout' ? ' (or "0s" to disable the idle timeout)' : '';
        report(field.path, `${field.name} ${JSON.stringify(field.value)} is invalid: ${problem}${hint}`);
      }
    }
  },
};
