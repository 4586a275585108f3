// What `reach` prints: every workload's scope, or the answer to one question, as text for people
// or as JSON in the documented shape (README), read from the public API's objects. The JSON
// keeps to that shape: `passthrough` is in the reason, and the scope's size is `explain`'s.
import { describe } from './report';
import { ResourceRef } from '../analysis/finding';
import { ReachResult, ReachableHost, WorkloadReach } from '../analysis/reach/reach-result';

function workloadJson(ref: ResourceRef) {
  return { kind: ref.kind, namespace: ref.namespace ?? null, name: ref.name };
}

function sidecarJson(ref: ResourceRef | undefined) {
  return ref ? { namespace: ref.namespace ?? null, name: ref.name } : null;
}

/**
 * `reach --format json` without `--to`, as lines: one workload per line (the output of a large
 * mesh stays greppable, and is written in pieces rather than as one string of hundreds of MB),
 * each shared scope's host list serialized once.
 */
export function reachJson(workloads: readonly WorkloadReach[]): string[] {
  const hostsJson = new Map<readonly ReachableHost[], string>();
  const lines = workloads.map((w) => {
    let hosts = hostsJson.get(w.hosts);
    if (hosts === undefined) {
      hosts = JSON.stringify(w.hosts.map((h) => ({ host: h.host, namespace: h.namespace, kind: h.kind, ports: h.ports })));
      hostsJson.set(w.hosts, hosts);
    }
    const head = JSON.stringify({
      workload: workloadJson(w.workload), sidecar: sidecarJson(w.sidecar), outboundTrafficPolicy: w.outboundTrafficPolicy,
    });
    return `${head.slice(0, -1)},"hosts":${hosts}}`;
  });
  if (lines.length === 0) return ['{"workloads":[]}'];
  return ['{"workloads":[', ...lines.map((line, i) => (i < lines.length - 1 ? `${line},` : line)), ']}'];
}

/** `reach` without `--to`, as lines: a head line per workload, then a line per host of its scope. */
export function reachText(workloads: readonly WorkloadReach[], unproxied: readonly string[]): string[] {
  if (workloads.length === 0 && unproxied.length === 0) return ['no workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) in the input'];
  const lines: string[] = [];
  for (const w of workloads) {
    const sidecar = w.sidecar ? `Sidecar ${w.sidecar.namespace ?? '(no namespace)'}/${w.sidecar.name}` : 'no Sidecar (istiod\'s default scope)';
    lines.push(`${describe(w.workload)} -> ${sidecar}: ${w.hosts.length} of ${w.visibleHosts} host${w.visibleHosts === 1 ? '' : 's'}, outbound ${w.outboundTrafficPolicy} (${w.outboundTrafficPolicySource})`);
    for (const h of w.hosts) lines.push(`  ${h.host}:${h.ports.join(',') || '(no ports)'}  [${h.kind} ${h.namespace}]`);
  }
  return [...lines, ...unproxied];
}

/** `reach --to --format json`. */
export function answerJson(result: ReachResult): string {
  return JSON.stringify({
    from: workloadJson(result.from),
    to: { host: result.host, port: result.port ?? null },
    reachable: result.reachable,
    via: result.via ? { sidecar: sidecarJson(result.via.sidecar), listener: result.via.listener, host: result.via.host } : null,
    reason: result.reason,
  }, undefined, 2);
}

export function answerText(result: ReachResult): string {
  const target = result.port === undefined ? result.host : `${result.host}:${result.port}`;
  const verdict = !result.reachable ? 'cannot reach' : result.passthrough ? 'reaches, outside the mesh,' : 'reaches';
  return `${describe(result.from)} ${verdict} ${target}: ${result.reason}`;
}
