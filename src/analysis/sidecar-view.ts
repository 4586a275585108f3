// One typed read of a Sidecar's spec, built once per Sidecar on first use and shared by every
// rule (and by the reach model): listeners, ports, hosts, TLS, pools, outbound policy and
// selector, each with its value as written, its path, and whether it had the wrong type.
// Parts of the wrong type are marked and left out of the typed fields, never guessed at: the
// schema rules report them, once, from the same spec's schema problems.
import { JsonObject, arrayAt, fieldPath, isObject, isPresent, objectAt, stringAt } from './manifest';
import { objectMemo } from './object-memo';
import { SchemaProblem, sidecarSpecProblems } from './schema/walker';
import { SidecarResource } from './snapshot';

export type Direction = 'ingress' | 'egress';

/** What ingress and egress listeners share. */
interface ListenerBase {
  readonly index: number;
  /** e.g. `spec.egress[1]`. */
  readonly path: string;
  readonly raw: JsonObject;
  /** `bind` when it is a string. */
  readonly bind?: string;
  /** `bind` is present (not undefined or null), whatever its type. */
  readonly hasBind: boolean;
  /** `captureMode` when it is a string. */
  readonly captureMode?: string;
  /** `port` when it is an object. */
  readonly port?: ListenerPort;
  /** `port` is present, whatever its type. */
  readonly hasPort: boolean;
  /** Where the listener's fields are, whether set or not, e.g. `spec.egress[1].bind`. */
  readonly bindPath: string;
  readonly captureModePath: string;
  readonly portPath: string;
  readonly portNumberPath: string;
}

/** A listener's `port` object (a SidecarPort). */
export interface ListenerPort {
  readonly direction: Direction;
  readonly listener: IngressListener | EgressListener;
  /** e.g. `spec.egress[1].port`. */
  readonly path: string;
  readonly raw: JsonObject;
  /** `name` when it is a string. */
  readonly name?: string;
  /** `protocol` when it is a string. */
  readonly protocol?: string;
  /** `number` as written: any type, or absent. */
  readonly number: unknown;
}

export interface IngressListener extends ListenerBase {
  readonly direction: 'ingress';
  /**
   * The port number as Istio reads it: a missing or null number is 0. Undefined when there is no
   * port object, or the number is not a whole number (the schema rules report that).
   */
  readonly portNumber?: number;
  /** The port protocol as Istio reads it: "" when missing. Undefined when there is no port object. */
  readonly protocol?: string;
  /** `defaultEndpoint` when it is a string. */
  readonly defaultEndpoint?: string;
  /** `tls` when it is an object (`tls: {}` counts). */
  readonly tls?: IngressTls;
  /** `connectionPool` when it is an object. */
  readonly connectionPool?: ConnectionPool;
}

/**
 * How Istio reads an egress listener's port, which decides the checks it gets:
 * - `catch-all`: no `port` at all; the listener serves every port not claimed by the others.
 * - `unix-socket`: a `port` whose `number` is missing or 0; it must bind a `unix://` socket.
 * - `numbered`: a positive whole `port.number`.
 * - `malformed`: `port` or its number has the wrong type (the schema rules report it).
 */
export type EgressPortKind = 'catch-all' | 'unix-socket' | 'numbered' | 'malformed';

export interface EgressListener extends ListenerBase {
  readonly direction: 'egress';
  readonly kind: EgressPortKind;
  /** `port.number` of a numbered listener; 0 for the other kinds. */
  readonly portNumber: number;
  /** `hosts` as written: any type, or absent. */
  readonly hostsValue: unknown;
  /** e.g. `spec.egress[1].hosts`. */
  readonly hostsPath: string;
  /** The string items of `hosts`, in order. */
  readonly hosts: readonly EgressHostAt[];
}

export type Listener = IngressListener | EgressListener;

export interface EgressHostAt {
  readonly host: string;
  /** Position in the listener's `hosts` list. */
  readonly index: number;
  /** e.g. `spec.egress[0].hosts[2]`. */
  readonly path: string;
  readonly listener: EgressListener;
}

export interface IngressTls {
  readonly raw: JsonObject;
  /** e.g. `spec.ingress[0].tls`. */
  readonly path: string;
  readonly listener: IngressListener;
}

export interface PoolSection {
  readonly raw: JsonObject;
  readonly name: 'http' | 'tcp';
  /** e.g. `spec.inboundConnectionPool.tcp`. */
  readonly path: string;
}

export interface ConnectionPool {
  readonly raw: JsonObject;
  /** e.g. `spec.inboundConnectionPool` or `spec.ingress[0].connectionPool`. */
  readonly path: string;
  /** The ingress listener of a per-port pool; undefined for `inboundConnectionPool`. */
  readonly listener?: IngressListener;
  /** `http` and `tcp` when they are objects. */
  readonly http?: PoolSection;
  readonly tcp?: PoolSection;
}

export interface EgressProxy {
  readonly raw: JsonObject;
  /** `spec.outboundTrafficPolicy.egressProxy`. */
  readonly path: string;
}

export interface OutboundPolicy {
  readonly raw: JsonObject;
  /** `spec.outboundTrafficPolicy`. */
  readonly path: string;
  /** `mode` as written: any type, or absent. */
  readonly mode: unknown;
  /** `egressProxy` when it is an object. */
  readonly egressProxy?: EgressProxy;
  /** Where `egressProxy` is, whatever its type. */
  readonly egressProxyPath: string;
}

export interface SelectorLabel {
  readonly key: string;
  /** As written; a value of another type than string is the schema rules' to report. */
  readonly value: unknown;
  readonly path: string;
}

/**
 * How a Sidecar's `workloadSelector` reads: absent (istiod: namespace-wide), empty (`{}` or
 * `labels: {}`: istiod tries it before the namespace-wide ones and it matches every pod; the
 * analyzers count it as namespace-wide), with labels, or malformed (wrong types: the schema
 * rules report it and the mesh rules leave it alone rather than guess).
 */
export type SelectorForm = 'absent' | 'empty' | 'labels' | 'malformed';

export interface Selector {
  readonly raw: JsonObject;
  /** `spec.workloadSelector`. */
  readonly path: string;
  /** `labels` as written: any type, or absent. */
  readonly labelsValue: unknown;
  /** `spec.workloadSelector.labels`. */
  readonly labelsPath: string;
  /** Each label, when `labels` is an object. */
  readonly labels: readonly SelectorLabel[];
}

export interface SidecarView {
  /** `spec` as the rules read it: an empty object when it is missing or not an object. */
  readonly spec: JsonObject;
  /** Every way the spec breaks the pinned CRD schema, each naming the rule that reports it. */
  readonly schemaProblems: readonly SchemaProblem[];
  /** The listeners that are objects, in order. */
  readonly ingress: readonly IngressListener[];
  readonly egress: readonly EgressListener[];
  /** How many items `spec.egress` has, nulls and other types included (Istio counts them). */
  readonly egressItemCount: number;
  /** The port object of every listener, ingress first, in input order. */
  readonly ports: readonly ListenerPort[];
  /** Every string host of every egress listener, in order. */
  readonly hosts: readonly EgressHostAt[];
  /** Every ingress listener's TLS settings, in order. */
  readonly tls: readonly IngressTls[];
  /** `spec.inboundConnectionPool`, then each ingress listener's `connectionPool`. */
  readonly pools: readonly ConnectionPool[];
  /** `spec.outboundTrafficPolicy` when it is an object. */
  readonly outboundPolicy?: OutboundPolicy;
  /** `spec.workloadSelector` when it is an object. */
  readonly selector?: Selector;
  readonly selectorForm: SelectorForm;
  /** The schema problems the model gives to one rule, in walk order. */
  schemaProblemsOf(ruleId: string): readonly SchemaProblem[];
}

/** The Sidecar's view, built on first use: some seventy rules read it, and each reads it often. */
export const sidecarView: (sidecar: SidecarResource) => SidecarView = objectMemo('sidecarView', buildView);

const NO_PROBLEMS: readonly SchemaProblem[] = [];

const NONE: readonly never[] = [];

/** A list, or the one shared empty list: most Sidecars have no TLS, no pools, ... */
function orNone<T>(items: T[]): readonly T[] {
  return items.length === 0 ? NONE : items;
}

/**
 * `make` of each item that passes `test`, with its index in `items`; the shared empty list when
 * none does. When all pass (the usual case) the list is exactly sized, where one grown by push
 * keeps room to spare. A hole of a sparse list never passes (`every` and `map` would skip it).
 */
function mapPassing<T, R>(items: readonly unknown[], test: (item: unknown) => item is T, make: (item: T, index: number) => R): readonly R[] {
  let all = true;
  for (let i = 0; i < items.length && all; i++) all = i in items && test(items[i]);
  if (all) return items.length === 0 ? NONE : (items as readonly T[]).map(make);
  const made: R[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i in items && test(item)) made.push(make(item, i));
  }
  return orNone(made);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function buildView(sidecar: SidecarResource): SidecarView {
  return new SidecarViewRead(sidecar);
}

// A class, not an object literal: built for every Sidecar, and a literal with a getter and
// methods holds its own closures and a dictionary of properties (about 1.3 kB more per view).
class SidecarViewRead implements SidecarView {
  public readonly spec: JsonObject;
  public readonly ingress: readonly IngressListener[];
  public readonly egress: readonly EgressListener[];
  public readonly egressItemCount: number;
  public readonly ports: readonly ListenerPort[];
  public readonly hosts: readonly EgressHostAt[];
  public readonly tls: readonly IngressTls[];
  public readonly pools: readonly ConnectionPool[];
  public readonly outboundPolicy?: OutboundPolicy;
  public readonly selector?: Selector;
  public readonly selectorForm: SelectorForm;
  // Walked on first ask, and kept here for every schema rule: a run without the
  // schema rules never walks.
  private walk?: readonly SchemaProblem[];
  private byRule?: Map<string, SchemaProblem[]>;

  constructor(private readonly sidecar: SidecarResource) {
    const spec = this.spec = sidecar.spec;
    const ingress = this.ingress = ingressListeners(spec);
    const egress = this.egress = egressListeners(spec);
    this.egressItemCount = arrayAt(spec, 'egress')?.length ?? 0;
    const ports: ListenerPort[] = [];
    const hosts: EgressHostAt[] = [];
    const tls: IngressTls[] = [];
    const inbound = objectAt(spec, 'inboundConnectionPool');
    const pools: ConnectionPool[] = inbound ? [pool(inbound, 'spec.inboundConnectionPool')] : [];
    for (const listener of ingress) {
      if (listener.port) ports.push(listener.port);
      if (listener.tls) tls.push(listener.tls);
      if (listener.connectionPool) pools.push(listener.connectionPool);
    }
    for (const listener of egress) {
      if (listener.port) ports.push(listener.port);
      for (const host of listener.hosts) hosts.push(host);
    }
    this.ports = orNone(ports);
    this.hosts = orNone(hosts);
    this.tls = orNone(tls);
    this.pools = orNone(pools);
    this.outboundPolicy = outboundPolicy(spec);
    this.selector = selector(spec);
    this.selectorForm = selectorForm(sidecar);
  }

  public get schemaProblems(): readonly SchemaProblem[] {
    return this.walk ??= sidecarSpecProblems(this.sidecar.manifest.spec);
  }

  public schemaProblemsOf(ruleId: string): readonly SchemaProblem[] {
    if (!this.byRule) {
      const all = this.schemaProblems;
      // Most Sidecars are clean: every schema rule then reads the one shared empty list.
      if (all.length === 0) return NO_PROBLEMS;
      this.byRule = new Map();
      for (const problem of all) {
        const list = this.byRule.get(problem.ruleId);
        if (list) list.push(problem);
        else this.byRule.set(problem.ruleId, [problem]);
      }
    }
    return this.byRule.get(ruleId) ?? NO_PROBLEMS;
  }
}

// Listeners are built as class instances: this runs for every listener of every Sidecar, and
// objects of one shape (unlike spread literals) stay cheap to build and to read. The paths of
// their fields are getters: only a finding needs one, and most listeners have none.

/** What ingress and egress listeners read alike. */
abstract class ListenerRead {
  public readonly bind?: string;
  public readonly hasBind: boolean;
  public readonly captureMode?: string;
  public readonly hasPort: boolean;
  public port?: ListenerPort;

  constructor(public readonly raw: JsonObject, public readonly index: number, public readonly path: string) {
    this.bind = stringAt(raw, 'bind');
    this.hasBind = isPresent(raw.bind);
    this.captureMode = stringAt(raw, 'captureMode');
    this.hasPort = isPresent(raw.port);
  }

  // Plain concatenation: the keys are identifiers, which is all fieldPath would check.
  public get bindPath(): string {
    return `${this.path}.bind`;
  }

  public get captureModePath(): string {
    return `${this.path}.captureMode`;
  }

  public get portPath(): string {
    return `${this.path}.port`;
  }

  public get portNumberPath(): string {
    return `${this.path}.port.number`;
  }

  protected readPort(listener: Listener): ListenerPort | undefined {
    const raw = objectAt(this.raw, 'port');
    return raw ? new ListenerPortRead(listener, raw) : undefined;
  }
}

class ListenerPortRead implements ListenerPort {
  public readonly direction: Direction;
  public readonly name?: string;
  public readonly protocol?: string;
  public readonly number: unknown;

  constructor(public readonly listener: Listener, public readonly raw: JsonObject) {
    this.direction = listener.direction;
    this.name = stringAt(raw, 'name');
    this.protocol = stringAt(raw, 'protocol');
    this.number = raw.number;
  }

  public get path(): string {
    return this.listener.portPath;
  }
}

class IngressListenerRead extends ListenerRead implements IngressListener {
  public readonly direction = 'ingress';
  public readonly portNumber?: number;
  public readonly protocol?: string;
  public readonly defaultEndpoint?: string;
  public readonly tls?: IngressTls;
  public readonly connectionPool?: ConnectionPool;

  constructor(raw: JsonObject, index: number, path: string) {
    super(raw, index, path);
    this.port = this.readPort(this);
    if (this.port) {
      this.protocol = this.port.protocol ?? '';
      const number = this.port.number;
      this.portNumber = !isPresent(number) ? 0 : typeof number === 'number' && Number.isInteger(number) ? number : undefined;
    }
    this.defaultEndpoint = stringAt(raw, 'defaultEndpoint');
    const tls = objectAt(raw, 'tls');
    if (tls) this.tls = { raw: tls, path: `${path}.tls`, listener: this };
    const connectionPool = objectAt(raw, 'connectionPool');
    if (connectionPool) this.connectionPool = pool(connectionPool, `${path}.connectionPool`, this);
  }
}

class EgressListenerRead extends ListenerRead implements EgressListener {
  public readonly direction = 'egress';
  public readonly kind: EgressPortKind;
  public readonly portNumber: number;
  public readonly hostsValue: unknown;
  public readonly hosts: readonly EgressHostAt[];

  constructor(raw: JsonObject, index: number, path: string) {
    super(raw, index, path);
    this.port = this.readPort(this);
    const { kind, portNumber } = egressPortOf(raw);
    this.kind = kind;
    this.portNumber = portNumber;
    this.hostsValue = raw.hosts;
    const items = raw.hosts;
    this.hosts = Array.isArray(items) ? mapPassing(items, isString, (host, i) => new EgressHostRead(host, i, this)) : NONE;
  }

  public get hostsPath(): string {
    return `${this.path}.hosts`;
  }
}

class EgressHostRead implements EgressHostAt {
  constructor(public readonly host: string, public readonly index: number, public readonly listener: EgressListener) {}

  public get path(): string {
    return `${this.listener.hostsPath}[${this.index}]`;
  }
}

/** The listeners of `spec[key]` that are objects, with their index and path. */
function listenersOf<L>(spec: JsonObject, key: Direction, read: new (raw: JsonObject, index: number, path: string) => L): readonly L[] {
  const items = arrayAt(spec, key);
  return items ? mapPassing(items, isObject, (raw, index) => new read(raw, index, listenerPath(key, index))) : NONE;
}

// `spec.egress[0]` and its like, made once and shared: every Sidecar has a first listener.
const LISTENER_PATHS: { readonly [direction in Direction]: string[] } = { ingress: [], egress: [] };

function listenerPath(direction: Direction, index: number): string {
  const known = LISTENER_PATHS[direction];
  if (index >= 64) return `spec.${direction}[${index}]`;
  return known[index] ??= `spec.${direction}[${index}]`;
}

function ingressListeners(spec: JsonObject): readonly IngressListener[] {
  return listenersOf(spec, 'ingress', IngressListenerRead);
}

function egressListeners(spec: JsonObject): readonly EgressListener[] {
  return listenersOf(spec, 'egress', EgressListenerRead);
}

function egressPortOf(raw: JsonObject): { kind: EgressPortKind; portNumber: number } {
  const port = raw.port;
  if (!isPresent(port)) return { kind: 'catch-all', portNumber: 0 };
  if (!isObject(port)) return { kind: 'malformed', portNumber: 0 };
  const number = port.number;
  if (!isPresent(number) || number === 0) return { kind: 'unix-socket', portNumber: 0 };
  if (typeof number === 'number' && Number.isInteger(number) && number > 0) return { kind: 'numbered', portNumber: number };
  return { kind: 'malformed', portNumber: 0 };
}

function pool(raw: JsonObject, path: string, listener?: IngressListener): ConnectionPool {
  const section = (name: 'http' | 'tcp'): PoolSection | undefined => {
    const value = objectAt(raw, name);
    return value ? { raw: value, name, path: fieldPath(path, name) } : undefined;
  };
  return { raw, path, ...(listener ? { listener } : {}), http: section('http'), tcp: section('tcp') };
}

// Paths every Sidecar shares, as one string each.
const OUTBOUND_POLICY_PATH = 'spec.outboundTrafficPolicy';
const EGRESS_PROXY_PATH = 'spec.outboundTrafficPolicy.egressProxy';
const SELECTOR_PATH = 'spec.workloadSelector';
const SELECTOR_LABELS_PATH = 'spec.workloadSelector.labels';

function outboundPolicy(spec: JsonObject): OutboundPolicy | undefined {
  const raw = objectAt(spec, 'outboundTrafficPolicy');
  if (!raw) return undefined;
  const proxy = objectAt(raw, 'egressProxy');
  const egressProxy = proxy ? { raw: proxy, path: EGRESS_PROXY_PATH } : undefined;
  return { raw, path: OUTBOUND_POLICY_PATH, mode: raw.mode, egressProxyPath: EGRESS_PROXY_PATH, egressProxy };
}

function selector(spec: JsonObject): Selector | undefined {
  const raw = objectAt(spec, 'workloadSelector');
  if (!raw) return undefined;
  const labels = Object.entries(objectAt(raw, 'labels') ?? {}).map(([key, value]) => ({ key, value, path: fieldPath(SELECTOR_LABELS_PATH, key) }));
  return { raw, path: SELECTOR_PATH, labelsValue: raw.labels, labelsPath: SELECTOR_LABELS_PATH, labels };
}

function selectorForm(sidecar: SidecarResource): SelectorForm {
  // The snapshot decides what is there and what is malformed (selection reads it too).
  if (!sidecar.hasSelectorField) return 'absent';
  const raw = sidecar.spec.workloadSelector;
  if (!isObject(raw)) return 'malformed';
  if (!isPresent(raw.labels)) return 'empty';
  if (!isObject(raw.labels) || sidecar.selectorIsMalformed) return 'malformed';
  return Object.keys(raw.labels).length === 0 ? 'empty' : 'labels';
}
