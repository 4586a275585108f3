// What a workload's proxy is configured for, as istiod builds a SidecarScope
// (pilot/pkg/model/sidecar.go, unified sidecar scoping):
// - no Sidecar, or one without egress listeners, is one catch-all listener importing "*/*";
// - each listener imports, from the services exported to the workload's namespace, those its
//   hosts match: a service of namespace N is tried against the "N/..." hosts first, then the
//   "*/..." hosts; "." is the workload's namespace (also for the root namespace's Sidecar);
// - a listener with a port (not HTTP_PROXY, not a unix socket) imports only services with that
//   port, and only on it; the others import every port of the services they match;
// - one definition per host name: in a listener, the workload's namespace wins, then a
//   Kubernetes Service over a ServiceEntry, then the oldest (input order); across listeners the
//   first listener's wins, a Kubernetes Service replacing a ServiceEntry, and the ports of the
//   same definition merge; so do those of ServiceEntries of one host and namespace that istiod
//   merges (same resolution, labels, workloadSelector and exportTo: canMergeServices), in a
//   listener too.
// Bind addresses and capture modes are not modelled: a listener is matched to a call by port.
import { isSubsetOf } from './host-match';
import { RegistryIndex, isExportedTo, registryIndex, visibleHostCount } from './registry-index';
import { objectAt, stringAt } from '../manifest';
import { EffectiveOutboundMode, effectiveOutboundMode } from '../rules/support/outbound-mode';
import { WorkloadSelection, selectSidecars } from '../selection';
import { SelectionVia } from '../selection-via';
import { EgressHostAt, EgressListener, sidecarView } from '../sidecar-view';
import { MeshSnapshot, RegistryHost, SidecarResource, withoutTrailingDot } from '../snapshot';
import { splitEgressHost } from '../syntax/egress-host';
import { isGatewayPod } from '../workloads';

/** One host name in a scope: the definition istiod chose, and the ports the proxy has for it. */
export interface ScopedHost {
  readonly host: string;
  readonly definition: RegistryHost;
  /** Ascending. */
  readonly ports: readonly number[];
  /** The egress host entry that imported it, e.g. `bookinfo/*`; for the implicit listener, every host of every namespace. */
  readonly importedBy: string;
  /** Where that entry is (`spec.egress[0].hosts[1]`), undefined for the implicit listener. */
  readonly importedAt?: string;
}

/** One egress listener and what it imports. */
export interface ListenerScope {
  /** `spec.egress[1]`, or undefined for the implicit catch-all of a Sidecar without egress (or no Sidecar). */
  readonly path?: string;
  readonly listener?: EgressListener;
  /** The port a numbered listener serves; undefined for a catch-all. */
  readonly port?: number;
  /** It imports its services on their own ports (catch-all, unix socket, HTTP_PROXY). */
  readonly allPorts: boolean;
  /** By host name. */
  readonly hosts: ReadonlyMap<string, ScopedHost>;
}

/** What the outbound policy is, and where it comes from. */
export interface ScopeOutbound extends EffectiveOutboundMode {
  /** Nothing in the input or the options says it: Istio's default, ALLOW_ANY. */
  readonly assumed: boolean;
}

/** The scope of one workload's proxy. */
export interface WorkloadScope {
  readonly selection: WorkloadSelection;
  /** The namespace the scope is computed for: the workload's. */
  readonly namespace: string;
  readonly sidecar?: SidecarResource;
  readonly outbound: ScopeOutbound;
  readonly listeners: readonly ListenerScope[];
  /** Every host name the proxy knows, by name: the union of the listeners'. */
  readonly hosts: ReadonlyMap<string, ScopedHost>;
  /** How many host names the workload's namespace sees in all: the scope is `hosts.size` of these. */
  readonly visibleHosts: number;
}

/** The scopes of every workload that runs a proxy (gateways included), in input order. */
export interface MeshScopes {
  readonly scopes: readonly WorkloadScope[];
  /** Workloads without a sidecar proxy (no injection, ambient): nothing decides their calls. */
  readonly unproxied: readonly WorkloadSelection[];
}

const cache = new WeakMap<MeshSnapshot, MeshScopes>();

export function meshScopes(mesh: MeshSnapshot): MeshScopes {
  const cached = cache.get(mesh);
  if (cached) return cached;
  const index = registryIndex(mesh);
  // Workloads of one namespace under one Sidecar share a scope, as istiod shares SidecarScopes.
  const shared = new Map<SidecarResource | undefined, Map<string, Omit<WorkloadScope, 'selection'>>>();
  const scopes: WorkloadScope[] = [];
  const unproxied: WorkloadSelection[] = [];
  for (const selection of selectSidecars(mesh).workloads) {
    if (selection.via === SelectionVia.NOT_APPLICABLE && !isGateway(selection)) {
      unproxied.push(selection);
      continue;
    }
    const namespace = selection.workload.ref.namespace ?? '';
    let byNamespace = shared.get(selection.sidecar);
    if (!byNamespace) shared.set(selection.sidecar, byNamespace = new Map());
    let scope = byNamespace.get(namespace);
    if (!scope) byNamespace.set(namespace, scope = buildScope(mesh, index, selection.sidecar, namespace));
    scopes.push({ selection, ...scope });
  }
  const result = { scopes, unproxied };
  cache.set(mesh, result);
  return result;
}

/** Gateways run a proxy with every service exported to their namespace (they ignore Sidecars). */
function isGateway(selection: WorkloadSelection): boolean {
  return isGatewayPod(selection.workload.pod);
}

function buildScope(mesh: MeshSnapshot, index: RegistryIndex, sidecar: SidecarResource | undefined, namespace: string): Omit<WorkloadScope, 'selection'> {
  const egress = sidecar ? sidecarView(sidecar).egress : [];
  const listeners = egress.length === 0
    ? [listenerScope(index, namespace, undefined, [{ host: '*/*' }])]
    : egress.map((listener) => listenerScope(index, namespace, listener, listener.hosts));
  return {
    namespace,
    ...(sidecar ? { sidecar } : {}),
    outbound: outboundOf(mesh, sidecar),
    listeners,
    hosts: mergeListeners(listeners),
    visibleHosts: visibleHostCount(index, namespace),
  };
}

function outboundOf(mesh: MeshSnapshot, sidecar: SidecarResource | undefined): ScopeOutbound {
  // A Sidecar without a policy, or with a mode Istio rejects, runs with the mesh's.
  const meshMode = mesh.meshOutboundMode && { mode: mesh.meshOutboundMode.mode, from: `the mesh's, from ${mesh.meshOutboundMode.source}` };
  const known = (sidecar ? effectiveOutboundMode(mesh, sidecar) : undefined) ?? meshMode;
  if (known) return { ...known, assumed: false };
  return { mode: 'ALLOW_ANY', from: 'Istio\'s default: the input and the options give no mesh outbound policy', assumed: true };
}

interface ImportEntry {
  readonly host: string;
  readonly path?: string;
}

/** The hosts of one listener, by namespace ("." resolved), as istiod classifies them. */
interface Classified {
  readonly byNamespace: Map<string, ImportEntry[]>;
}

function classify(entries: readonly ImportEntry[], namespace: string): Classified {
  const byNamespace = new Map<string, ImportEntry[]>();
  for (const entry of entries) {
    const parts = splitEgressHost(entry.host);
    // istiod skips hosts without exactly one "/"; "~" (import nothing) names no namespace.
    if (!parts || parts.exclusion || parts.dnsName.includes('/') || parts.namespace === '' || parts.dnsName === '') continue;
    const ns = parts.namespace === '.' ? namespace : parts.namespace;
    const list = byNamespace.get(ns);
    const item = { host: withoutTrailingDot(entry.host), ...(entry.path ? { path: entry.path } : {}) };
    if (list) list.push(item);
    else byNamespace.set(ns, [item]);
  }
  return { byNamespace };
}

function dnsNameOf(entry: ImportEntry): string {
  return entry.host.slice(entry.host.indexOf('/') + 1);
}

/** The definitions `entries` could import (a superset), looked up, never scanned. */
function candidates(index: RegistryIndex, namespace: string | undefined, entries: readonly ImportEntry[]): Iterable<RegistryHost> {
  const found = new Set<RegistryHost>();
  const add = (list: readonly RegistryHost[] | undefined) => {
    for (const definition of list ?? []) if (namespace === undefined || (definition.source.ref.namespace ?? '') === namespace) found.add(definition);
  };
  for (const entry of entries) {
    const name = dnsNameOf(entry);
    if (name === '*') {
      if (namespace === undefined) return index.all;
      return index.byNamespace.get(namespace) ?? [];
    }
    if (name.startsWith('*.')) add(index.bySuffix.get(name.slice(1)));
    else add(index.byHost.get(name));
  }
  return found;
}

function matchingEntry(entries: readonly ImportEntry[] | undefined, host: string): ImportEntry | undefined {
  return entries?.find((entry) => isSubsetOf(host, dnsNameOf(entry)));
}

function listenerScope(
  index: RegistryIndex, namespace: string, listener: EgressListener | undefined, hosts: readonly (ImportEntry | EgressHostAt)[],
): ListenerScope {
  const { byNamespace } = classify(hosts.map((h) => ({ host: h.host, ...('path' in h && h.path ? { path: h.path } : {}) })), namespace);
  const protocol = listener?.port?.protocol?.toUpperCase();
  const port = listener?.kind === 'numbered' && protocol !== 'HTTP_PROXY' ? listener.portNumber : undefined;
  const wildcardEntries = byNamespace.get('*');
  // Every definition some entry may import, once, in input order.
  const pool = new Set<RegistryHost>();
  for (const [ns, entries] of byNamespace) for (const definition of candidates(index, ns === '*' ? undefined : ns, entries)) pool.add(definition);
  const ordered = [...pool].sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0));

  const imported: ScopedHost[] = [];
  for (const definition of ordered) {
    if (!isExportedTo(definition, namespace)) continue;
    if (port !== undefined && !definition.ports.includes(port)) continue;
    const own = byNamespace.get(definition.source.ref.namespace ?? '');
    const entry = matchingEntry(own, definition.host) ?? matchingEntry(wildcardEntries, definition.host);
    if (!entry) continue;
    imported.push({
      host: definition.host,
      definition,
      ports: port !== undefined ? [port] : definition.ports,
      importedBy: entry.host,
      ...(entry.path ? { importedAt: entry.path } : {}),
    });
  }
  // One definition per host name within the listener.
  const chosen = new Map<string, ScopedHost>();
  for (const candidate of imported) {
    const existing = chosen.get(candidate.host);
    if (!existing || prefers(candidate.definition, existing.definition, namespace)) chosen.set(candidate.host, candidate);
    else if (canMergeServices(existing.definition, candidate.definition)) chosen.set(candidate.host, withPorts(existing, candidate.ports));
  }
  return {
    ...(listener ? { path: listener.path, listener } : {}),
    ...(port !== undefined ? { port } : {}),
    allPorts: port === undefined,
    hosts: chosen,
  };
}

/**
 * Which of two definitions of one host name istiod keeps for a workload of `namespace`: the
 * workload's namespace first, then a Kubernetes Service over a ServiceEntry (else the first).
 */
export function prefers(candidate: RegistryHost, existing: RegistryHost, namespace: string): boolean {
  const candidateNs = candidate.source.ref.namespace ?? '';
  const existingNs = existing.source.ref.namespace ?? '';
  const candidateIsOwn = candidateNs === namespace;
  if (candidateIsOwn !== (existingNs === namespace)) return candidateIsOwn;
  // Both in the workload's namespace, or neither: istiod keeps the namespace's services of the
  // host, and its appendSidecarServices lets a Kubernetes Service replace a ServiceEntry.
  return candidate.kind === 'Service' && existing.kind === 'ServiceEntry';
}

function mergeListeners(listeners: readonly ListenerScope[]): Map<string, ScopedHost> {
  const merged = new Map<string, ScopedHost>();
  for (const listener of listeners) {
    for (const scoped of listener.hosts.values()) {
      const existing = merged.get(scoped.host);
      if (!existing) {
        merged.set(scoped.host, scoped);
      } else if (existing.definition.kind === 'ServiceEntry' && scoped.definition.kind === 'Service') {
        merged.set(scoped.host, scoped);
      } else if (existing.definition.source === scoped.definition.source || canMergeServices(existing.definition, scoped.definition)) {
        merged.set(scoped.host, withPorts(existing, scoped.ports));
      }
    }
  }
  return merged;
}

function withPorts(scoped: ScopedHost, more: readonly number[]): ScopedHost {
  const ports = [...new Set([...scoped.ports, ...more])].sort((a, b) => a - b);
  return ports.length === scoped.ports.length ? scoped : { ...scoped, ports };
}

/**
 * istiod's canMergeServices: two ServiceEntries of one host in one namespace, with the same
 * resolution, labels, workloadSelector and exportTo, are one service whose ports merge.
 */
function canMergeServices(a: RegistryHost, b: RegistryHost): boolean {
  if (a.source === b.source || a.kind !== 'ServiceEntry' || b.kind !== 'ServiceEntry') return false;
  if ((a.source.ref.namespace ?? '') !== (b.source.ref.namespace ?? '')) return false;
  if (stableJson([...new Set(a.exportTo)].sort()) !== stableJson([...new Set(b.exportTo)].sort())) return false;
  const specA = objectAt(a.source.manifest, 'spec');
  const specB = objectAt(b.source.manifest, 'spec');
  return (stringAt(specA, 'resolution') ?? 'NONE') === (stringAt(specB, 'resolution') ?? 'NONE')
    && stableJson(objectAt(objectAt(a.source.manifest, 'metadata'), 'labels') ?? {}) === stableJson(objectAt(objectAt(b.source.manifest, 'metadata'), 'labels') ?? {})
    && stableJson(specA?.workloadSelector ?? null) === stableJson(specB?.workloadSelector ?? null);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sidecarScopes = new WeakMap<MeshSnapshot, Map<SidecarResource | undefined, Map<string, Omit<WorkloadScope, 'selection'>>>>();

/**
 * The scope `sidecar` (undefined: no Sidecar, istiod's default) would give a workload of
 * `namespace`: one of `meshScopes` when some workload has it, else built once per snapshot.
 */
export function scopeOfSidecar(mesh: MeshSnapshot, sidecar: SidecarResource | undefined, namespace: string): Omit<WorkloadScope, 'selection'> {
  let bySidecar = sidecarScopes.get(mesh);
  if (!bySidecar) {
    sidecarScopes.set(mesh, bySidecar = new Map());
    // Seeded with the scopes meshScopes built, so none is built twice.
    for (const scope of meshScopes(mesh).scopes) {
      let seeded = bySidecar.get(scope.sidecar);
      if (!seeded) bySidecar.set(scope.sidecar, seeded = new Map());
      if (!seeded.has(scope.namespace)) seeded.set(scope.namespace, scope);
    }
  }
  let byNamespace = bySidecar.get(sidecar);
  if (!byNamespace) bySidecar.set(sidecar, byNamespace = new Map());
  let scope = byNamespace.get(namespace);
  if (!scope) byNamespace.set(namespace, scope = buildScope(mesh, registryIndex(mesh), sidecar, namespace));
  return scope;
}
