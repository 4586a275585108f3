// Internal: the value objects and structs of the typed model, written as code from their YAML
// form: `EgressHost.namespace('prod').allHosts()` for "prod/*", `SidecarPort.http(9080, 'web')`
// for a port, `Duration.seconds(5)` for "5s". Anything the model cannot express (an unknown
// field, a value of the wrong type, one a factory refuses) is `Unsupported`, naming the field.
import { Expr, Unsupported, arr, at, call, cdk8s, enumMember, lib, lit, obj } from './code';
import { fieldPath } from '../analysis/manifest';

/** A JSON object of the input. */
export type Json = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object at `path`, whose keys are all in `known`. */
export function objectOf(value: unknown, path: string, known: readonly string[]): Json {
  if (!isJsonObject(value)) throw new Unsupported(path, `expected an object, got ${describe(value)}`);
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Unsupported(fieldPath(path, unknown[0]), `there is no such field (the fields here: ${known.join(', ')})`);
  return value;
}

export function stringOf(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Unsupported(path, `expected a string, got ${describe(value)}`);
  return value;
}

function numberOf(value: unknown, path: string): number {
  if (typeof value !== 'number') throw new Unsupported(path, `expected a number, got ${describe(value)}`);
  return value;
}

function booleanOf(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Unsupported(path, `expected true or false, got ${describe(value)}`);
  return value;
}

export function arrayOf(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Unsupported(path, `expected a list, got ${describe(value)}`);
  return value;
}

/** A map of strings (labels), as an object literal. */
export function stringMapCode(value: unknown, path: string): Expr {
  if (!isJsonObject(value)) throw new Unsupported(path, `expected a map of strings, got ${describe(value)}`);
  return at(path, obj(Object.entries(value).map(([k, v]) => [k, at(fieldPath(path, k), lit(stringOf(v, fieldPath(path, k))))] as const)));
}

export function stringListCode(value: unknown, path: string): Expr {
  return at(path, arr(arrayOf(value, path).map((v, i) => lit(stringOf(v, `${path}[${i}]`)))));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Runs `build`, turning a factory's error into Unsupported for `path`. */
function guarded(path: string, build: () => Expr): Expr {
  try {
    return at(path, build());
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    throw new Unsupported(path, (error as Error).message);
  }
}

/** The first candidate that builds and renders `expected`; else the last one's error. */
function firstRendering(path: string, expected: unknown, candidates: ReadonlyArray<() => Expr>): Expr {
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      const expr = candidate();
      const rendered = (expr.value as { _toIstio(): unknown })._toIstio();
      if (JSON.stringify(canonical(rendered)) === JSON.stringify(canonical(expected))) return at(path, expr);
      lastError = new Unsupported(path, `renders ${JSON.stringify(rendered)}`);
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError instanceof Unsupported) throw lastError;
  throw new Unsupported(path, (lastError as Error).message);
}

/** The value with object keys sorted, for comparisons. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isJsonObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

// ---------------------------------------------------------------------------------------------
// Value objects

/** An egress host, by the factory that reads best. */
export function hostCode(value: unknown, path: string): Expr {
  const text = stringOf(value, path);
  const host = lib('EgressHost');
  const slash = text.indexOf('/');
  const ns = slash < 0 ? undefined : text.slice(0, slash);
  const dns = slash < 0 ? undefined : text.slice(slash + 1);
  const candidates: Array<() => Expr> = [];
  if (text === '*/*') candidates.push(() => call(host, 'all'));
  else if (text === '~/*') candidates.push(() => call(host, 'none'));
  else if (text.startsWith('~')) candidates.push(() => call(host, 'exclude', [hostCode(text.slice(1), path)]));
  else if (ns === '.') candidates.push(() => call(host, 'sameNamespace', dns === '*' ? [] : [lit(dns)]));
  else if (ns === '*') candidates.push(() => call(host, 'anyNamespace', [lit(dns)]));
  else if (ns !== undefined && dns === '*') candidates.push(() => call(call(host, 'namespace', [lit(ns)]), 'allHosts'));
  else if (ns !== undefined) candidates.push(() => call(call(host, 'namespace', [lit(ns)]), 'host', [lit(dns)]));
  candidates.push(() => call(host, 'parse', [lit(text)]));
  return firstRendering(path, text, candidates);
}

const PORT_FACTORIES: { readonly [protocol: string]: string } = {
  'HTTP': 'http',
  'HTTPS': 'https',
  'HTTP2': 'http2',
  'GRPC': 'grpc',
  'GRPC-WEB': 'grpcWeb',
  'HTTP_PROXY': 'httpProxy',
  'TCP': 'tcp',
  'TLS': 'tls',
  'UDP': 'udp',
  'MONGO': 'mongo',
  'REDIS': 'redis',
  'MYSQL': 'mysql',
};

/** A Sidecar listener port. */
export function portCode(value: unknown, path: string): Expr {
  const json = objectOf(value, path, ['number', 'protocol', 'name']);
  const number = json.number === undefined ? undefined : numberOf(json.number, `${path}.number`);
  const protocol = json.protocol === undefined ? undefined : enumMember('SidecarProtocol', json.protocol, `${path}.protocol`);
  const name = json.name === undefined ? undefined : lit(stringOf(json.name, `${path}.name`));
  const port = lib('SidecarPort');
  const candidates: Array<() => Expr> = [];
  if (number !== undefined && protocol !== undefined) {
    candidates.push(() => call(port, PORT_FACTORIES[protocol.value as string], [lit(number), name ?? lit(undefined)]));
  } else if (number !== undefined) {
    candidates.push(() => call(port, 'sniffed', [lit(number), name ?? lit(undefined)]));
  } else if (name === undefined || protocol !== undefined) {
    candidates.push(() => call(port, 'unixSocket', [protocol ?? lit(undefined), name ?? lit(undefined)]));
  }
  candidates.push(() => call(port, 'of', [obj([['number', number === undefined ? undefined : lit(number)], ['protocol', protocol], ['name', name]])]));
  return firstRendering(path, json, candidates);
}

/** An ingress listener's default endpoint. */
export function endpointCode(value: unknown, path: string): Expr {
  const text = stringOf(value, path);
  const endpoint = lib('Endpoint');
  const forms: ReadonlyArray<readonly [RegExp, string]> = [
    [/^127\.0\.0\.1:(\d+)$/, 'loopback'], [/^\[::1\]:(\d+)$/, 'loopbackIpv6'], [/^0\.0\.0\.0:(\d+)$/, 'anyAddress'], [/^\[::\]:(\d+)$/, 'anyAddressIpv6'],
  ];
  const candidates: Array<() => Expr> = [];
  for (const [pattern, factory] of forms) {
    const match = pattern.exec(text);
    if (match) candidates.push(() => call(endpoint, factory, [lit(Number(match[1]))]));
  }
  if (text.startsWith('unix://')) candidates.push(() => call(endpoint, 'unix', [lit(text.slice('unix://'.length))]));
  candidates.push(() => call(endpoint, 'parse', [lit(text)]));
  return firstRendering(path, text, candidates);
}

/** A listener's bind address. */
export function bindCode(value: unknown, path: string): Expr {
  const text = stringOf(value, path);
  const bind = lib('Bind');
  return firstRendering(path, text, [
    text.startsWith('unix://') ? () => call(bind, 'unix', [lit(text.slice('unix://'.length))]) : () => call(bind, 'ip', [lit(text)]),
  ]);
}

export function captureModeCode(value: unknown, path: string): Expr {
  return at(path, enumMember('CaptureMode', value, path));
}

/** A workload selector: `WorkloadSelector.of({ app: 'ratings' })`. */
export function selectorCode(value: unknown, path: string): Expr {
  const json = objectOf(value, path, ['labels']);
  const labels = stringMapCode(json.labels, `${path}.labels`);
  return guarded(path, () => call(lib('WorkloadSelector'), 'of', [labels]));
}

/** An outbound traffic policy: `OutboundTrafficPolicy.registryOnly()` or `allowAny(...)`. */
export function policyCode(value: unknown, path: string): Expr {
  const json = objectOf(value, path, ['mode', 'egressProxy']);
  const policy = lib('OutboundTrafficPolicy');
  const candidates: Array<() => Expr> = [];
  if (json.mode === 'REGISTRY_ONLY' && json.egressProxy === undefined) {
    candidates.push(() => call(policy, 'registryOnly'));
  } else if (json.mode === 'ALLOW_ANY') {
    if (json.egressProxy === undefined) {
      candidates.push(() => call(policy, 'allowAny'));
    } else {
      const proxyPath = `${path}.egressProxy`;
      const proxy = objectOf(json.egressProxy, proxyPath, ['host', 'port', 'subset']);
      const port = objectOf(proxy.port, `${proxyPath}.port`, ['number']);
      const options = obj([['egressProxy', at(proxyPath, obj([
        ['host', lit(stringOf(proxy.host, `${proxyPath}.host`))],
        ['port', lit(numberOf(port.number, `${proxyPath}.port.number`))],
        ['subset', proxy.subset === undefined ? undefined : lit(stringOf(proxy.subset, `${proxyPath}.subset`))],
      ]))]]);
      candidates.push(() => call(policy, 'allowAny', [options]));
    }
  } else {
    throw new Unsupported(`${path}.mode`, `expected REGISTRY_ONLY or ALLOW_ANY (with no egressProxy for REGISTRY_ONLY), got ${describe(json.mode)}`);
  }
  return firstRendering(path, json, candidates);
}

/**
 * A duration in Istio's form ("5s", "1.5s", "0.001s") as the cdk8s `Duration` that renders it:
 * hours, minutes or seconds when whole, else milliseconds.
 */
export function durationCode(value: unknown, path: string): Expr {
  const text = stringOf(value, path);
  const match = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(text);
  if (!match) throw new Unsupported(path, `the typed model writes durations as seconds, e.g. "5s" or "0.25s"; "${text}" has another form`);
  const seconds = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(9, '0');
  const duration = cdk8s('Duration');
  if (/^0+$/.test(fraction)) {
    if (seconds > 0 && seconds % 3600 === 0) return at(path, call(duration, 'hours', [lit(seconds / 3600)]));
    if (seconds > 0 && seconds % 60 === 0) return at(path, call(duration, 'minutes', [lit(seconds / 60)]));
    return at(path, call(duration, 'seconds', [lit(seconds)]));
  }
  if (/0{6}$/.test(fraction)) return at(path, call(duration, 'millis', [lit(seconds * 1000 + Number(fraction.slice(0, 3)))]));
  throw new Unsupported(path, `"${text}" is finer than a millisecond, which a Duration does not render exactly`);
}

// ---------------------------------------------------------------------------------------------
// Structs

const TLS_STRINGS = ['serverCertificate', 'privateKey', 'caCertificates', 'caCrl', 'caCertCredentialName'];
const TLS_LISTS = ['cipherSuites', 'ecdhCurves', 'verifyCertificateSpki', 'verifyCertificateHash'];
const TLS_ORDER = ['mode', 'serverCertificate', 'privateKey', 'caCertificates', 'caCrl', 'caCertCredentialName', 'insecureSkipVerify',
  'minProtocolVersion', 'maxProtocolVersion', 'cipherSuites', 'ecdhCurves', 'verifyCertificateSpki', 'verifyCertificateHash'];

/** An ingress listener's TLS settings. */
export function tlsCode(value: unknown, path: string): Expr {
  const json = objectOf(value, path, TLS_ORDER);
  if (json.mode === undefined) throw new Unsupported(`${path}.mode`, 'TLS settings need a mode');
  return at(path, obj(TLS_ORDER.filter((k) => json[k] !== undefined).map((key) => {
    const field = `${path}.${key}`;
    if (key === 'mode') return [key, enumMember('SidecarTlsMode', json[key], field)] as const;
    if (key === 'minProtocolVersion' || key === 'maxProtocolVersion') return [key, enumMember('TlsProtocolVersion', json[key], field)] as const;
    if (key === 'insecureSkipVerify') return [key, lit(booleanOf(json[key], field))] as const;
    if (TLS_LISTS.includes(key)) return [key, stringListCode(json[key], field)] as const;
    if (TLS_STRINGS.includes(key)) return [key, lit(stringOf(json[key], field))] as const;
    throw new Unsupported(field, 'unknown TLS field');
  })));
}

type FieldKind = 'number' | 'duration' | 'boolean' | 'h2' | { readonly [key: string]: FieldKind };

const TCP_FIELDS: { readonly [key: string]: FieldKind } = {
  maxConnections: 'number',
  connectTimeout: 'duration',
  tcpKeepalive: { probes: 'number', time: 'duration', interval: 'duration' },
  maxConnectionDuration: 'duration',
  idleTimeout: 'duration',
};

const HTTP_FIELDS: { readonly [key: string]: FieldKind } = {
  http1MaxPendingRequests: 'number',
  http2MaxRequests: 'number',
  maxRequestsPerConnection: 'number',
  maxRetries: 'number',
  idleTimeout: 'duration',
  h2UpgradePolicy: 'h2',
  useClientProtocol: 'boolean',
  maxConcurrentStreams: 'number',
  http2KeepAlive: { interval: 'duration', timeout: 'duration' },
};

function structCode(value: unknown, path: string, fields: { readonly [key: string]: FieldKind }): Expr {
  const json = objectOf(value, path, Object.keys(fields));
  return at(path, obj(Object.keys(fields).filter((k) => json[k] !== undefined).map((key) => {
    const kind = fields[key];
    const field = `${path}.${key}`;
    const v = json[key];
    if (kind === 'number') return [key, at(field, lit(numberOf(v, field)))] as const;
    if (kind === 'boolean') return [key, at(field, lit(booleanOf(v, field)))] as const;
    if (kind === 'duration') return [key, durationCode(v, field)] as const;
    if (kind === 'h2') return [key, at(field, enumMember('H2UpgradePolicy', v, field))] as const;
    return [key, structCode(v, field, kind)] as const;
  })));
}

/** A connection pool: `{ tcp: {...}, http: {...} }`. */
export function poolCode(value: unknown, path: string): Expr {
  return structCode(value, path, { tcp: TCP_FIELDS, http: HTTP_FIELDS });
}
