// The inputs the reliability properties generate, described as plain data (an "IR"), with
// two independent things derived from each:
// - how to build it with the library (`build*`), by the factories a user would call, and an
//   alternative but equivalent route (`alt`: through `parse()` / `of()`), and
// - what it must look like in the synthesized manifest (`expected*`), written here from
//   Istio's documentation, never by calling the library's own render helpers.
import { Duration } from 'cdk8s';
import {
  Bind, CaptureMode, ConnectionPoolSettings, EgressHost, EgressListenerOptions, Endpoint, H2UpgradePolicy,
  IngressListenerOptions, OutboundTrafficPolicy, SidecarApiVersion, SidecarIngressTlsOptions, SidecarPort,
  SidecarProtocol, SidecarTlsMode, TlsProtocolVersion, WorkloadSelector,
} from '../../src';

export type Json = { [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// Egress hosts

export type HostIn =
  | { readonly f: 'parse'; readonly text: string }
  | { readonly f: 'namespace'; readonly ns: string; readonly dns?: string }
  | { readonly f: 'same'; readonly dns?: string }
  | { readonly f: 'any'; readonly dns?: string }
  | { readonly f: 'all' }
  | { readonly f: 'none' }
  | { readonly f: 'exclude'; readonly inner: HostIn };

export function expectedHost(h: HostIn): string {
  switch (h.f) {
    case 'parse': return h.text;
    case 'namespace': return `${h.ns}/${h.dns ?? '*'}`;
    case 'same': return `./${h.dns ?? '*'}`;
    case 'any': return `*/${h.dns ?? '*'}`;
    case 'all': return '*/*';
    case 'none': return '~/*';
    case 'exclude': return `~${expectedHost(h.inner)}`;
  }
}

export function buildHost(h: HostIn, alt = false): EgressHost {
  if (alt) return EgressHost.parse(expectedHost(h));
  switch (h.f) {
    case 'parse': return EgressHost.parse(h.text);
    case 'namespace': {
      const ns = EgressHost.namespace(h.ns);
      return h.dns === undefined ? ns.allHosts() : ns.host(h.dns);
    }
    case 'same': return h.dns === undefined ? EgressHost.sameNamespace() : EgressHost.sameNamespace(h.dns);
    case 'any': return h.dns === undefined ? EgressHost.anyNamespace() : EgressHost.anyNamespace(h.dns);
    case 'all': return EgressHost.all();
    case 'none': return EgressHost.none();
    case 'exclude': return EgressHost.exclude(buildHost(h.inner));
  }
}

// ---------------------------------------------------------------------------------------------
// Ports

export const NAMED_PORT_FACTORIES = {
  http: 'HTTP',
  https: 'HTTPS',
  http2: 'HTTP2',
  grpc: 'GRPC',
  grpcWeb: 'GRPC-WEB',
  httpProxy: 'HTTP_PROXY',
  tcp: 'TCP',
  tls: 'TLS',
  udp: 'UDP',
  mongo: 'MONGO',
  redis: 'REDIS',
  mysql: 'MYSQL',
} as const;
export type NamedPortFactory = keyof typeof NAMED_PORT_FACTORIES;

export type PortIn =
  | { readonly f: NamedPortFactory | 'sniffed'; readonly number: number; readonly name?: string }
  | { readonly f: 'unixSocket'; readonly protocol?: string; readonly name?: string }
  | { readonly f: 'of'; readonly number?: number; readonly protocol?: string; readonly name?: string };

export function portProtocol(p: PortIn): string | undefined {
  if (p.f === 'sniffed') return undefined;
  if (p.f === 'unixSocket' || p.f === 'of') return p.protocol;
  return NAMED_PORT_FACTORIES[p.f];
}

export function portNumber(p: PortIn): number | undefined {
  return p.f === 'unixSocket' ? undefined : p.number;
}

export function expectedPort(p: PortIn): Json {
  const json: Json = {};
  const number = portNumber(p);
  const protocol = portProtocol(p);
  if (number !== undefined) json.number = number;
  if (protocol !== undefined) json.protocol = protocol;
  if (p.name !== undefined) json.name = p.name;
  return json;
}

export function buildPort(p: PortIn, alt = false): SidecarPort {
  if (alt) return SidecarPort.of({ number: portNumber(p), protocol: portProtocol(p) as SidecarProtocol | undefined, name: p.name });
  switch (p.f) {
    case 'of': return SidecarPort.of({ number: p.number, protocol: p.protocol as SidecarProtocol | undefined, name: p.name });
    case 'unixSocket': return SidecarPort.unixSocket(p.protocol as SidecarProtocol | undefined, p.name);
    case 'sniffed': return SidecarPort.sniffed(p.number, p.name);
    default: return SidecarPort[p.f](p.number, p.name);
  }
}

// ---------------------------------------------------------------------------------------------
// Endpoints and binds

export type EndpointIn =
  | { readonly f: 'loopback' | 'loopbackIpv6' | 'anyAddress' | 'anyAddressIpv6'; readonly port: number }
  | { readonly f: 'unix'; readonly path: string }
  | { readonly f: 'parse'; readonly text: string };

export function expectedEndpoint(e: EndpointIn): string {
  switch (e.f) {
    case 'loopback': return `127.0.0.1:${e.port}`;
    case 'loopbackIpv6': return `[::1]:${e.port}`;
    case 'anyAddress': return `0.0.0.0:${e.port}`;
    case 'anyAddressIpv6': return `[::]:${e.port}`;
    case 'unix': return `unix://${e.path}`;
    case 'parse': return e.text;
  }
}

export function buildEndpoint(e: EndpointIn, alt = false): Endpoint {
  if (alt) return Endpoint.parse(expectedEndpoint(e));
  switch (e.f) {
    case 'unix': return Endpoint.unix(e.path);
    case 'parse': return Endpoint.parse(e.text);
    default: return Endpoint[e.f](e.port);
  }
}

export type BindIn =
  | { readonly f: 'ip'; readonly address: string }
  | { readonly f: 'unix'; readonly path: string }
  | { readonly f: 'parse'; readonly text: string };

export function expectedBind(b: BindIn): string {
  switch (b.f) {
    case 'ip': return b.address;
    case 'unix': return `unix://${b.path}`;
    case 'parse': return b.text;
  }
}

export function buildBind(b: BindIn, alt = false): Bind {
  if (alt) return Bind.parse(expectedBind(b));
  switch (b.f) {
    case 'ip': return Bind.ip(b.address);
    case 'unix': return Bind.unix(b.path);
    case 'parse': return Bind.parse(b.text);
  }
}

// ---------------------------------------------------------------------------------------------
// Durations: generated as a whole number of milliseconds (valid inputs) or any amount.

export type DurationUnit = 'millis' | 'seconds' | 'minutes' | 'hours';
const UNIT_MS: { readonly [unit in DurationUnit]: number } = { millis: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 };

export interface DurationIn {
  readonly unit: DurationUnit;
  readonly amount: number;
}

/** A duration of exactly `ms` milliseconds, written in `unit` (so seconds(1.5) for 1500 ms). */
export function durationOfMillis(ms: number, unit: DurationUnit): DurationIn {
  return { unit, amount: ms / UNIT_MS[unit] };
}

export function buildDuration(d: DurationIn): Duration {
  return Duration[d.unit](d.amount);
}

/**
 * The protobuf JSON form Istio stores, from whole milliseconds: "1.5s", "0.001s", "30s".
 * Only defined for whole, non-negative milliseconds (what valid inputs hold).
 */
export function expectedDuration(d: DurationIn): string {
  const ms = Math.round(d.amount * UNIT_MS[d.unit]);
  const seconds = Math.floor(ms / 1000);
  const rest = ms % 1000;
  return rest === 0 ? `${seconds}s` : `${seconds}.${String(rest).padStart(3, '0').replace(/0+$/, '')}s`;
}

// ---------------------------------------------------------------------------------------------
// TLS

export const TLS_STRING_FIELDS = ['serverCertificate', 'privateKey', 'caCertificates', 'caCrl', 'caCertCredentialName'] as const;
export const TLS_LIST_FIELDS = ['cipherSuites', 'ecdhCurves', 'verifyCertificateSpki', 'verifyCertificateHash'] as const;

export interface TlsIn {
  readonly mode: string;
  readonly serverCertificate?: string;
  readonly privateKey?: string;
  readonly caCertificates?: string;
  readonly caCrl?: string;
  readonly caCertCredentialName?: string;
  readonly insecureSkipVerify?: boolean;
  readonly minProtocolVersion?: string;
  readonly maxProtocolVersion?: string;
  readonly cipherSuites?: string[];
  readonly ecdhCurves?: string[];
  readonly verifyCertificateSpki?: string[];
  readonly verifyCertificateHash?: string[];
}

export function expectedTls(t: TlsIn): Json {
  // Every field given, as given: the struct's fields map one to one onto ServerTLSSettings.
  const json: Json = {};
  for (const [key, value] of Object.entries(t)) {
    if (value !== undefined) json[key] = value;
  }
  return json;
}

export function buildTls(t: TlsIn): SidecarIngressTlsOptions {
  return {
    ...t,
    mode: t.mode as SidecarTlsMode,
    minProtocolVersion: t.minProtocolVersion as TlsProtocolVersion | undefined,
    maxProtocolVersion: t.maxProtocolVersion as TlsProtocolVersion | undefined,
    // Copies, so that a library keeping a reference could not pass the round trip by accident.
    cipherSuites: t.cipherSuites && [...t.cipherSuites],
    ecdhCurves: t.ecdhCurves && [...t.ecdhCurves],
    verifyCertificateSpki: t.verifyCertificateSpki && [...t.verifyCertificateSpki],
    verifyCertificateHash: t.verifyCertificateHash && [...t.verifyCertificateHash],
  };
}

// ---------------------------------------------------------------------------------------------
// Connection pools

export interface TcpIn {
  readonly maxConnections?: number;
  readonly connectTimeout?: DurationIn;
  readonly tcpKeepalive?: { readonly probes?: number; readonly time?: DurationIn; readonly interval?: DurationIn };
  readonly maxConnectionDuration?: DurationIn;
  readonly idleTimeout?: DurationIn;
}

export interface HttpIn {
  readonly http1MaxPendingRequests?: number;
  readonly http2MaxRequests?: number;
  readonly maxRequestsPerConnection?: number;
  readonly maxRetries?: number;
  readonly idleTimeout?: DurationIn;
  readonly h2UpgradePolicy?: string;
  readonly useClientProtocol?: boolean;
  readonly maxConcurrentStreams?: number;
  readonly http2KeepAlive?: { readonly interval?: DurationIn; readonly timeout?: DurationIn };
}

export interface PoolIn {
  readonly tcp?: TcpIn;
  readonly http?: HttpIn;
}

const isDurationIn = (v: unknown): v is DurationIn => typeof v === 'object' && v !== null && 'unit' in v && 'amount' in v;

/** Maps an IR object field by field: durations to their expected string / a Duration, sub-objects recursively. */
function mapPoolObject(o: object, duration: (d: DurationIn) => unknown): Json {
  const json: Json = {};
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined) continue;
    if (isDurationIn(value)) json[key] = duration(value);
    else if (typeof value === 'object' && value !== null) json[key] = mapPoolObject(value, duration);
    else json[key] = value;
  }
  return json;
}

export function expectedPool(p: PoolIn): Json {
  return mapPoolObject(p, expectedDuration);
}

export function buildPool(p: PoolIn): ConnectionPoolSettings {
  return mapPoolObject(p, buildDuration) as ConnectionPoolSettings;
}

// ---------------------------------------------------------------------------------------------
// Outbound traffic policy

export type PolicyIn =
  | { readonly f: 'registryOnly' }
  | { readonly f: 'allowAny'; readonly proxy?: { readonly host: string; readonly port: number; readonly subset?: string } };

export function expectedPolicy(p: PolicyIn): Json {
  if (p.f === 'registryOnly') return { mode: 'REGISTRY_ONLY' };
  if (!p.proxy) return { mode: 'ALLOW_ANY' };
  const egressProxy: Json = { host: p.proxy.host, port: { number: p.proxy.port } };
  if (p.proxy.subset !== undefined) egressProxy.subset = p.proxy.subset;
  return { mode: 'ALLOW_ANY', egressProxy };
}

export function buildPolicy(p: PolicyIn): OutboundTrafficPolicy {
  if (p.f === 'registryOnly') return OutboundTrafficPolicy.registryOnly();
  return p.proxy ? OutboundTrafficPolicy.allowAny({ egressProxy: { ...p.proxy } }) : OutboundTrafficPolicy.allowAny();
}

// ---------------------------------------------------------------------------------------------
// Listeners

export interface IngressIn {
  readonly port: PortIn;
  readonly bind?: BindIn;
  readonly captureMode?: string;
  readonly defaultEndpoint?: EndpointIn;
  readonly tls?: TlsIn;
  readonly connectionPool?: PoolIn;
}

export interface EgressIn {
  readonly hosts: HostIn[];
  readonly port?: PortIn;
  readonly bind?: BindIn;
  readonly captureMode?: string;
}

export function expectedIngress(l: IngressIn): Json {
  const json: Json = { port: expectedPort(l.port) };
  if (l.bind) json.bind = expectedBind(l.bind);
  if (l.captureMode !== undefined) json.captureMode = l.captureMode;
  if (l.defaultEndpoint) json.defaultEndpoint = expectedEndpoint(l.defaultEndpoint);
  if (l.tls) json.tls = expectedTls(l.tls);
  if (l.connectionPool) json.connectionPool = expectedPool(l.connectionPool);
  return json;
}

export function expectedEgress(l: EgressIn): Json {
  const json: Json = { hosts: l.hosts.map(expectedHost) };
  if (l.port) json.port = expectedPort(l.port);
  if (l.bind) json.bind = expectedBind(l.bind);
  if (l.captureMode !== undefined) json.captureMode = l.captureMode;
  return json;
}

export function buildIngress(l: IngressIn, alt = false): IngressListenerOptions {
  return {
    port: buildPort(l.port, alt),
    bind: l.bind && buildBind(l.bind, alt),
    captureMode: l.captureMode as CaptureMode | undefined,
    defaultEndpoint: l.defaultEndpoint && buildEndpoint(l.defaultEndpoint, alt),
    tls: l.tls && buildTls(l.tls),
    connectionPool: l.connectionPool && buildPool(l.connectionPool),
  };
}

export function buildEgress(l: EgressIn, alt = false): EgressListenerOptions {
  return {
    hosts: l.hosts.map((h) => buildHost(h, alt)),
    port: l.port && buildPort(l.port, alt),
    bind: l.bind && buildBind(l.bind, alt),
    captureMode: l.captureMode as CaptureMode | undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// A whole Sidecar

export interface SidecarIn {
  readonly name?: string;
  readonly namespace: string;
  readonly apiVersion?: string;
  readonly selector?: ReadonlyArray<readonly [string, string]>;
  /** Every ingress listener, in order; the first `ingressInProps` go in the props, the rest through addIngress(). */
  readonly ingress: IngressIn[];
  readonly ingressInProps: number;
  readonly egress: EgressIn[];
  readonly egressInProps: number;
  readonly policy?: PolicyIn;
  readonly inboundPool?: PoolIn;
}

export function expectedSpec(s: SidecarIn): Json {
  const spec: Json = {};
  if (s.selector) spec.workloadSelector = { labels: Object.fromEntries(s.selector) };
  if (s.ingress.length > 0) spec.ingress = s.ingress.map(expectedIngress);
  if (s.egress.length > 0) spec.egress = s.egress.map(expectedEgress);
  if (s.policy) spec.outboundTrafficPolicy = expectedPolicy(s.policy);
  if (s.inboundPool) spec.inboundConnectionPool = expectedPool(s.inboundPool);
  return spec;
}

export const DEFAULT_API_VERSION = SidecarApiVersion.V1 as string;

export function buildSelector(labels: ReadonlyArray<readonly [string, string]>): WorkloadSelector {
  return WorkloadSelector.of(Object.fromEntries(labels));
}

// The enum values the library offers, as the plain strings the IR holds.
export const PROTOCOLS: readonly string[] = Object.values(SidecarProtocol);
export const CAPTURE_MODES: readonly string[] = Object.values(CaptureMode);
export const TLS_MODES: readonly string[] = Object.values(SidecarTlsMode);
export const TLS_VERSIONS: readonly string[] = Object.values(TlsProtocolVersion);
export const H2_POLICIES: readonly string[] = Object.values(H2UpgradePolicy);
export const API_VERSIONS: readonly string[] = Object.values(SidecarApiVersion);
