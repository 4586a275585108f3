// One typed read of a Sidecar's spec, built once per Sidecar on first use and shared by every
// rule (and by the reach model): listeners, ports, hosts, TLS, pools, outbound policy and
// selector, each with its value as written, its path, and whether it had the wrong type.
// Parts of the wrong type are marked and left out of the typed fields, never guessed at: the
// schema rules report them, once, from the same spec's schema problems.
import { JsonObject, arrayAt, fieldPath, isObject, isPresent, objectAt, stringAt } from './manifest';
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

const views = new WeakMap<SidecarResource, SidecarView>();

/** The Sidecar's view, built on first use: some seventy rules read it, and each reads it often. */
export function sidecarView(sidecar: SidecarResource): SidecarView {
  let view = views.get(sidecar);
  if (!view) views.set(sidecar, view = buildView(sidecar));
  return view;
}

const NO_PROBLEMS: readonly SchemaProblem[] = [];

function buildView(sidecar: SidecarResource): SidecarView {
  const spec = sidecar.spec;
  const ingress = ingressListeners(spec);
  const egress = egressListeners(spec);
  const ports: ListenerPort[] = [];
  for (const listener of [...ingress, ...egress]) if (listener.port) ports.push(listener.port);
  const inbound = objectAt(spec, 'inboundConnectionPool');
  const pools: ConnectionPool[] = inbound ? [pool(inbound, 'spec.inboundConnectionPool')] : [];
  for (const listener of ingress) if (listener.connectionPool) pools.push(listener.connectionPool);
  let byRule: Map<string, SchemaProblem[]> | undefined;
  // Walked on first ask (sidecarSpecProblems keeps the walk per spec): a run without the
  // schema rules never walks.
  const schemaProblems = (): readonly SchemaProblem[] => sidecarSpecProblems(sidecar.manifest.spec);
  return {
    spec,
    get schemaProblems() {
      return schemaProblems();
    },
    schemaProblemsOf(ruleId) {
      if (!byRule) {
        byRule = new Map();
        for (const problem of schemaProblems()) {
          const list = byRule.get(problem.ruleId);
          if (list) list.push(problem);
          else byRule.set(problem.ruleId, [problem]);
        }
      }
      return byRule.get(ruleId) ?? NO_PROBLEMS;
    },
    ingress,
    egress,
    egressItemCount: arrayAt(spec, 'egress')?.length ?? 0,
    ports,
    hosts: egress.flatMap((listener) => listener.hosts),
    tls: ingress.flatMap((listener) => (listener.tls ? [listener.tls] : [])),
    pools,
    outboundPolicy: outboundPolicy(spec),
    selector: selector(spec),
    selectorForm: selectorForm(sidecar),
  };
}

/** The items of `spec[key]` that are objects, with their index and path. */
function objectItems(spec: JsonObject, key: Direction): Array<{ raw: JsonObject; index: number; path: string }> {
  const items: Array<{ raw: JsonObject; index: number; path: string }> = [];
  (arrayAt(spec, key) ?? []).forEach((raw, index) => {
    if (isObject(raw)) items.push({ raw, index, path: fieldPath(fieldPath('spec', key), index) });
  });
  return items;
}

// Listeners are built as class instances: this runs for every listener of every Sidecar, and
// objects of one shape (unlike spread literals) stay cheap to build and to read.

/** What ingress and egress listeners read alike. */
abstract class ListenerRead {
  public readonly bind?: string;
  public readonly hasBind: boolean;
  public readonly captureMode?: string;
  public readonly hasPort: boolean;
  public port?: ListenerPort;
  public readonly bindPath: string;
  public readonly captureModePath: string;
  public readonly portPath: string;
  public readonly portNumberPath: string;

  constructor(public readonly raw: JsonObject, public readonly index: number, public readonly path: string) {
    this.bind = stringAt(raw, 'bind');
    this.hasBind = isPresent(raw.bind);
    this.captureMode = stringAt(raw, 'captureMode');
    this.hasPort = isPresent(raw.port);
    // Plain concatenation: the keys are identifiers, which is all fieldPath would check.
    this.bindPath = `${path}.bind`;
    this.captureModePath = `${path}.captureMode`;
    this.portPath = `${path}.port`;
    this.portNumberPath = `${path}.port.number`;
  }

  protected readPort(listener: Listener): ListenerPort | undefined {
    const raw = objectAt(this.raw, 'port');
    if (!raw) return undefined;
    return { direction: listener.direction, listener, path: this.portPath, raw, name: stringAt(raw, 'name'), protocol: stringAt(raw, 'protocol'), number: raw.number };
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
  public readonly hostsPath: string;
  public readonly hosts: EgressHostAt[] = [];

  constructor(raw: JsonObject, index: number, path: string) {
    super(raw, index, path);
    this.port = this.readPort(this);
    const { kind, portNumber } = egressPortOf(raw);
    this.kind = kind;
    this.portNumber = portNumber;
    this.hostsValue = raw.hosts;
    this.hostsPath = `${path}.hosts`;
    const items = raw.hosts;
    if (!Array.isArray(items)) return;
    for (let i = 0; i < items.length; i++) {
      const host = items[i];
      if (typeof host === 'string') this.hosts.push({ host, index: i, path: `${this.hostsPath}[${i}]`, listener: this });
    }
  }
}

function ingressListeners(spec: JsonObject): IngressListener[] {
  return objectItems(spec, 'ingress').map(({ raw, index, path }) => new IngressListenerRead(raw, index, path));
}

function egressListeners(spec: JsonObject): EgressListener[] {
  return objectItems(spec, 'egress').map(({ raw, index, path }) => new EgressListenerRead(raw, index, path));
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

function outboundPolicy(spec: JsonObject): OutboundPolicy | undefined {
  const raw = objectAt(spec, 'outboundTrafficPolicy');
  if (!raw) return undefined;
  const path = 'spec.outboundTrafficPolicy';
  const proxy = objectAt(raw, 'egressProxy');
  const egressProxyPath = fieldPath(path, 'egressProxy');
  return { raw, path, mode: raw.mode, egressProxyPath, ...(proxy ? { egressProxy: { raw: proxy, path: egressProxyPath } } : {}) };
}

function selector(spec: JsonObject): Selector | undefined {
  const raw = objectAt(spec, 'workloadSelector');
  if (!raw) return undefined;
  const path = 'spec.workloadSelector';
  const labelsPath = fieldPath(path, 'labels');
  const labels = Object.entries(objectAt(raw, 'labels') ?? {}).map(([key, value]) => ({ key, value, path: fieldPath(labelsPath, key) }));
  return { raw, path, labelsValue: raw.labels, labelsPath, labels };
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
