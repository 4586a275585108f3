// The question form of the scope model: can this workload's proxy reach host H on port P, and
// if not, why, naming the Sidecar and the listener involved and what to change. The listener
// for a port is found as istiod finds the one whose routes serve it: the first listener on that
// port, else the catch-all.
import { coveringWildcards } from './host-match';
import { isExportedTo, registryIndex } from './registry-index';
import { ListenerScope, ScopedHost, WorkloadScope } from './workload-scope';
import { shortRef } from '../manifest';
import { MeshSnapshot, RegistryHost } from '../snapshot';

/** Why a call is not served by the proxy's scope. */
export type ReachCause =
  /** No egress listener serves the port, and there is no catch-all listener. */
  | 'no-listener'
  /** No Service or ServiceEntry of the input defines the host. */
  | 'undefined-host'
  /** It is defined, but not exported to the caller's namespace. */
  | 'not-exported'
  /** It is defined and visible, but the listener's hosts do not import it. */
  | 'not-imported'
  /** The listener imports the host, but the host has no such port. */
  | 'no-port';

export interface ReachAnswer {
  /** The proxy routes it through the mesh, or passes it through under ALLOW_ANY (then `passthrough`). */
  readonly reachable: boolean;
  /** Traffic leaves through the PassthroughCluster (ALLOW_ANY): no mesh routing, policy or mTLS. */
  readonly passthrough: boolean;
  /** The listener and scope entry that serve the call, when the scope does. */
  readonly listener?: ListenerScope;
  readonly scoped?: ScopedHost;
  readonly cause?: ReachCause;
  /** What is wrong and what to change, in words; for reachable calls, how they are served. */
  readonly reason: string;
  /** The definitions of the host in the input (for messages and related objects). */
  readonly definitions: readonly RegistryHost[];
}

/** The Sidecar as messages name it: `Sidecar prod/default`, or istiod's built-in default. */
export function describeSidecar(scope: WorkloadScope): string {
  return scope.sidecar ? shortRef(scope.sidecar.ref) : 'no Sidecar (istiod\'s default: every service exported to the namespace)';
}

function describeListener(listener: ListenerScope): string {
  if (!listener.path) return 'the implicit catch-all listener ("*/*")';
  return listener.port !== undefined ? `${listener.path} (port ${listener.port})` : `${listener.path} (catch-all)`;
}

/** The host the call names, as the scope may hold it: exactly, or under a wildcard ServiceEntry host. */
function lookup(hosts: ReadonlyMap<string, ScopedHost>, host: string): ScopedHost | undefined {
  const exact = hosts.get(host);
  if (exact) return exact;
  for (const wildcard of coveringWildcards(host)) {
    const scoped = hosts.get(wildcard);
    if (scoped) return scoped;
  }
  return undefined;
}

/**
 * The listener a direct call to port `port` is served by (any listener, without a port): the
 * first that captures the port, else the catch-all. HTTP_PROXY and unix-socket listeners serve
 * only the calls the application sends to them explicitly, so they capture no port.
 */
function listenersFor(scope: WorkloadScope, port: number | undefined): ListenerScope[] {
  if (port === undefined) return [...scope.listeners];
  for (const listener of scope.listeners) {
    if (!listener.listener || listener.listener.kind === 'catch-all') return [listener];
    if (listener.port === port) return [listener];
  }
  return [];
}

/** The definitions of `host` in the input: exactly, or a wildcard ServiceEntry host covering it. */
export function definitionsOf(mesh: MeshSnapshot, host: string): RegistryHost[] {
  const index = registryIndex(mesh);
  const exact = index.byHost.get(host) ?? [];
  if (exact.length > 0) return [...exact];
  return coveringWildcards(host).flatMap((wildcard) => index.byHost.get(wildcard) ?? []);
}

export function answer(mesh: MeshSnapshot, scope: WorkloadScope, host: string, port: number | undefined): ReachAnswer {
  const target = port === undefined ? `"${host}"` : `"${host}:${port}"`;
  const definitions = definitionsOf(mesh, host);
  const listeners = listenersFor(scope, port);
  for (const listener of listeners) {
    const scoped = lookup(listener.hosts, host);
    if (scoped && (port === undefined || scoped.ports.includes(port))) {
      const entry = scoped.importedAt ? `"${scoped.importedBy}" (${scoped.importedAt})` : `"${scoped.importedBy}"`;
      return {
        reachable: true,
        passthrough: false,
        listener,
        scoped,
        definitions,
        reason: `${describeListener(listener)} of ${describeSidecar(scope)} imports ${target} through ${entry}, from ${shortRef(scoped.definition.source.ref)}`,
      };
    }
  }
  const { cause, problem } = diagnose(scope, host, port, listeners, definitions);
  return outside(scope, target, cause, problem, definitions);
}

function diagnose(
  scope: WorkloadScope, host: string, port: number | undefined, listeners: readonly ListenerScope[], definitions: readonly RegistryHost[],
): { cause: ReachCause; problem: string } {
  const sidecar = describeSidecar(scope);
  if (listeners.length === 0) {
    const ports = scope.listeners.map((l) => l.port).filter((p): p is number => p !== undefined);
    return {
      cause: 'no-listener',
      problem: `${sidecar} has no egress listener on port ${port} and no catch-all listener (its listeners serve port${ports.length === 1 ? '' : 's'} ${ports.join(', ') || 'none'}); `
        + `add an egress listener on port ${port}, or a catch-all listener (one without a port), whose hosts import "${suggestedHost(definitions, host)}"`,
    };
  }
  if (definitions.length === 0) {
    return {
      cause: 'undefined-host',
      problem: `no Service or ServiceEntry in the input defines "${host}", so no listener can import it; add a ServiceEntry for it (and import it), or fix the host`,
    };
  }
  const visible = definitions.filter((d) => isExportedTo(d, scope.namespace));
  if (visible.length === 0) {
    const d = definitions[0];
    return {
      cause: 'not-exported',
      problem: `${shortRef(d.source.ref)} defines "${d.host}" but exports it to ${JSON.stringify(d.exportTo)}, not to namespace "${scope.namespace}"; `
        + `add "${scope.namespace}" to its exportTo${d.kind === 'Service' ? ' (the networking.istio.io/exportTo annotation)' : ''}`,
    };
  }
  const listener = listeners[0];
  const withoutPort = port === undefined ? undefined : visible.find((d) => !d.ports.includes(port));
  const elsewhereListener = scope.listeners.find((l) => l !== listeners[0] && lookup(l.hosts, host));
  const importedElsewhere = elsewhereListener ? lookup(elsewhereListener.hosts, host) : undefined;
  if (withoutPort && visible.every((d) => !d.ports.includes(port as number))) {
    return {
      cause: 'no-port',
      problem: `${shortRef(withoutPort.source.ref)} defines "${withoutPort.host}" with port${withoutPort.ports.length === 1 ? '' : 's'} ${withoutPort.ports.join(', ') || 'none'}, not ${port}; `
        + `call one of its ports, or add port ${port} to it`,
    };
  }
  let elsewhere = '';
  if (elsewhereListener && importedElsewhere) {
    const by = importedElsewhere.importedAt ? `"${importedElsewhere.importedBy}" (${importedElsewhere.importedAt})` : `"${importedElsewhere.importedBy}"`;
    elsewhere = port !== undefined && importedElsewhere.ports.includes(port)
      ? `; ${by} imports it in ${describeListener(elsewhereListener)}, but istiod serves port ${port} from ${describeListener(listener)}, the first listener on it`
      : `; ${by} imports it only on port${importedElsewhere.ports.length === 1 ? '' : 's'} ${importedElsewhere.ports.join(', ')}`;
  }
  const where = listener.path ? `${listener.path}.hosts` : 'the hosts of an egress listener';
  return {
    cause: 'not-imported',
    problem: `${describeListener(listener)} of ${sidecar} imports no host matching "${host}"${elsewhere}; add "${suggestedHost(visible, host)}" to ${where}`,
  };
}

/** The egress host that imports `host` from its definition's namespace. */
function suggestedHost(definitions: readonly RegistryHost[], host: string): string {
  const d = definitions[0];
  return `${d?.source.ref.namespace ?? '*'}/${d && d.host.startsWith('*') ? d.host : host}`;
}

/** Outside the scope: the outbound policy decides. */
function outside(scope: WorkloadScope, target: string, cause: ReachCause, problem: string, definitions: readonly RegistryHost[]): ReachAnswer {
  const mode = `${scope.outbound.mode} (${scope.outbound.from})`;
  if (scope.outbound.mode === 'REGISTRY_ONLY') {
    return { reachable: false, passthrough: false, cause, definitions, reason: `calls to ${target} go to the BlackHoleCluster under ${mode}: ${problem}` };
  }
  return {
    reachable: true,
    passthrough: true,
    cause,
    definitions,
    reason: `calls to ${target} leave through the PassthroughCluster under ${mode}, without mesh routing, policy or mTLS: ${problem}`,
  };
}
