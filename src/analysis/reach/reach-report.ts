// The reach model as tools see it: each workload's scope, and the answer to one question, as the
// public API's plain objects (reach-result.ts). The CLI's JSON is built from these, so the two
// never disagree.
import { declaredCallTarget } from './declared-calls';
import { answer } from './reach-answer';
import { ReachResult, ReachVia, ReachableHost, WorkloadReach } from './reach-result';
import { WorkloadScope, meshScopes } from './workload-scope';
import { ResourceRef } from '../finding';
import { OutboundTrafficPolicyMode } from '../outbound-traffic-policy-mode';
import { MeshSnapshot } from '../snapshot';
import { CALL_FORM, parseCallEntry } from '../syntax/call';

/** The question's input is wrong: the message says what, and what to write. */
export class ReachQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReachQueryError';
  }
}

export { ReachResult, ReachVia, WorkloadReach };

// Workloads that share a scope (one namespace, one Sidecar) share its sorted host list: at 10k
// workloads of a few hundred hosts each, building it once per scope is most of reach's time.
const sortedHosts = new WeakMap<WorkloadScope['hosts'], ReachableHost[]>();

function hostsOf(scope: WorkloadScope): ReachableHost[] {
  let hosts = sortedHosts.get(scope.hosts);
  if (!hosts) {
    hosts = [...scope.hosts.values()]
      .map((h) => ({ host: h.host, namespace: h.definition.source.ref.namespace ?? '', kind: h.definition.kind, ports: [...h.ports] }))
      .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    sortedHosts.set(scope.hosts, hosts);
  }
  return hosts;
}

/** The public view of one scope. Its `hosts` array is shared by the workloads of that scope: copy it before changing it. */
export function workloadReachOf(scope: WorkloadScope): WorkloadReach {
  const hosts = hostsOf(scope);
  return {
    workload: { ...scope.selection.workload.ref },
    ...(scope.sidecar ? { sidecar: { ...scope.sidecar.ref } } : {}),
    outboundTrafficPolicy: scope.outbound.mode as OutboundTrafficPolicyMode,
    outboundTrafficPolicySource: scope.outbound.from,
    hosts,
    visibleHosts: scope.visibleHosts,
  };
}

/** The scopes of the workloads `from` names (`NS/NAME` or `NS/KIND/NAME`), or of all when undefined. */
export function scopesOf(mesh: MeshSnapshot, from?: string): WorkloadScope[] {
  const { scopes, unproxied } = meshScopes(mesh);
  if (from === undefined) return [...scopes];
  const parts = from.split('/');
  // "/NAME" names a workload without a namespace, as the hint below writes it.
  if (parts.length < 2 || parts.length > 3 || parts.slice(1).some((p) => p === '')) {
    throw new ReachQueryError(`the workload "${from}" is not NS/NAME or NS/KIND/NAME, e.g. "bookinfo/productpage" or "bookinfo/Deployment/productpage"`);
  }
  const [namespace, kind, name] = parts.length === 3 ? parts : [parts[0], undefined, parts[1]];
  const matches = (ref: ResourceRef) => (ref.namespace ?? '') === namespace && ref.name === name && (kind === undefined || ref.kind.toLowerCase() === kind.toLowerCase());
  const found = scopes.filter((s) => matches(s.selection.workload.ref));
  if (found.length > 1 && kind === undefined) {
    throw new ReachQueryError(`"${from}" names ${found.length} workloads (${found.map((s) => s.selection.workload.ref.kind).join(', ')}); write NS/KIND/NAME, e.g. "${namespace}/${found[0].selection.workload.ref.kind}/${name}"`);
  }
  if (found.length === 0) {
    const without = unproxied.find((s) => matches(s.workload.ref));
    if (without) throw new ReachQueryError(`workload "${from}" runs no sidecar proxy (${without.reason}): no Sidecar decides what it can reach`);
    const known = scopes.slice(0, 5).map((s) => `${s.selection.workload.ref.namespace ?? ''}/${s.selection.workload.ref.name}`);
    throw new ReachQueryError(`no workload "${from}" in the input${known.length > 0 ? `; workloads include ${known.map((k) => `"${k}"`).join(', ')}` : ' (it holds no Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob)'}`);
  }
  return found;
}

/** Answers "can `from` reach `to`" (`HOST[:PORT]`, short Service names allowed). */
export function askReach(mesh: MeshSnapshot, from: string, to: string): ReachResult {
  const [scope] = scopesOf(mesh, from);
  const read = parseCallEntry(to);
  if ('problem' in read) throw new ReachQueryError(`the target "${to}" is invalid: ${read.problem}; expected ${CALL_FORM}`);
  const host = declaredCallTarget(mesh, read.call.host, scope.namespace);
  const port = read.call.port;
  const result = answer(mesh, scope, host, port);
  const via: ReachVia | undefined = result.listener && result.scoped ? {
    ...(scope.sidecar ? { sidecar: { ...scope.sidecar.ref } } : {}),
    listener: result.listener.path ?? 'implicit',
    host: result.scoped.importedBy,
  } : undefined;
  return {
    from: { ...scope.selection.workload.ref },
    host,
    ...(port !== undefined ? { port } : {}),
    reachable: result.reachable,
    passthrough: result.passthrough,
    ...(via ? { via } : {}),
    reason: result.reason,
  };
}
