// fast-check arbitraries for the IR of ./model.ts.
//
// Every arbitrary takes a mode:
// - 'valid': only inputs that Istio accepts and the library documents as correct, so the
//   properties can demand that they synthesize, conform and round-trip;
// - 'any': mostly valid inputs with, now and then, a hostile value of the declared type
//   (NaN, negative or huge numbers, empty, unicode or malformed strings, unknown enum members),
//   so the properties see every kind of mistake a user can make without a type error.
import * as fc from 'fast-check';
import {
  API_VERSIONS, BindIn, CAPTURE_MODES, DurationIn, DurationUnit, EgressIn, EndpointIn, H2_POLICIES, HostIn, HttpIn,
  IngressIn, NAMED_PORT_FACTORIES, NamedPortFactory, PROTOCOLS, PolicyIn, PoolIn, PortIn, SidecarIn, TLS_MODES,
  TLS_VERSIONS, TcpIn, TlsIn, durationOfMillis, portNumber, portProtocol,
} from './model';

export type Mode = 'valid' | 'any';

/** The fixed seed of every property: a failure reproduces on every machine. */
export const SEED = 424242;

/** `valid` in 'valid' mode; in 'any' mode, `valid` most of the time and `bad` now and then. */
function orBad<T>(mode: Mode, valid: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return mode === 'valid' ? valid : fc.oneof({ arbitrary: valid, weight: 40 }, { arbitrary: bad, weight: 1 });
}

/** `arb` in `percent`% of the cases, else undefined (which is what shrinking goes for). */
function optional<T>(arb: fc.Arbitrary<T>, percent = 50): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
}

// ---------------------------------------------------------------------------------------------
// Hostile values of the right type

export const WEIRD_STRINGS = [
  '', ' ', '*', '/', '~', '.', '..', '//', 'a/b/c', '~~ns/x.com', '\u0000', '\n', 'null', 'true', 'UPPER', '-a-', 'a_b',
  'bücher.de', '例え.テスト', '☃', '\u202e', 'x'.repeat(64), `${'a.'.repeat(130)}com`, '127.0.0.1', '[::1]', 'unix://',
  '1.2.3.4/32', '0x1F', ' lead', 'trail ', '*.*', '**', 'ns/*/x', 'http://example.com',
];

export const badString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WEIRD_STRINGS),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

export const badNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0, 65536, 1.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 1e21, -1e300, Number.MIN_VALUE),
  fc.integer(),
  fc.double(),
);

// ---------------------------------------------------------------------------------------------
// Names

/** Strings a YAML 1.1 reader (kubectl) would take for a boolean, number or null if left unquoted. */
export const YAML_AMBIGUOUS = ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false', 'null', '123', '0755', '1e3', '0x1f', '12e5'];

export const dnsLabel: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][-a-z0-9]{0,8}[a-z0-9]$/), weight: 6 },
  { arbitrary: fc.constantFrom(...YAML_AMBIGUOUS), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'x'.repeat(63), 'A-Mixed-Case'), weight: 1 },
);

const topLevelLabel = fc.oneof(fc.stringMatching(/^[a-z]{2,6}$/), fc.constantFrom('local', 'yes', 'null'));

/** A fully-qualified DNS name without wildcards, e.g. `ratings.prod.svc.cluster.local`. */
export const fqdn: fc.Arbitrary<string> = fc
  .tuple(fc.array(dnsLabel, { minLength: 1, maxLength: 3 }), topLevelLabel)
  .map(([labels, top]) => [...labels, top].join('.'))
  .filter((name) => name.length <= 255);

const egressDnsName: fc.Arbitrary<string> = fc.oneof(fc.constant('*'), fqdn, fqdn.map((d) => `*.${d}`));

export function hostArb(mode: Mode): fc.Arbitrary<HostIn> {
  const ns = orBad(mode, dnsLabel, badString);
  const dns = orBad(mode, egressDnsName, badString);
  const text = orBad(
    mode,
    fc.tuple(fc.oneof(dnsLabel, fc.constantFrom('*', '.'), dnsLabel.map((n) => `~${n}`)), egressDnsName).map(([n, d]) => `${n}/${d}`),
    badString,
  );
  const importing: fc.Arbitrary<HostIn> = fc.oneof(
    text.map((t): HostIn => ({ f: 'parse', text: t })).filter((h) => !(h as { text: string }).text.startsWith('~')),
    fc.record({ ns, dns: optional(dns) }).map((r): HostIn => ({ f: 'namespace', ns: r.ns, ...(r.dns === undefined ? {} : { dns: r.dns }) })),
    optional(dns).map((d): HostIn => (d === undefined ? { f: 'same' } : { f: 'same', dns: d })),
    optional(dns).map((d): HostIn => (d === undefined ? { f: 'any' } : { f: 'any', dns: d })),
    fc.constant<HostIn>({ f: 'all' }),
  );
  // In 'any' mode, now and then an exclusion of an exclusion ("~~/*").
  const excluded = orBad(mode, importing, fc.constant<HostIn>({ f: 'none' }));
  const exclusions = excluded.map((inner): HostIn => ({ f: 'exclude', inner }));
  return fc.oneof(
    { arbitrary: importing, weight: 8 },
    { arbitrary: exclusions, weight: 1 },
    { arbitrary: fc.constant<HostIn>({ f: 'none' }), weight: 1 },
  );
}

// ---------------------------------------------------------------------------------------------
// Ports, endpoints, binds

export const portNumberArb: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(1, 80, 443, 65535));

const protocolArb = (mode: Mode): fc.Arbitrary<string> =>
  orBad(mode, fc.constantFrom(...PROTOCOLS), fc.oneof(badString, fc.constantFrom('http', 'grpc-web', 'Tcp', 'QUIC')));
const portNameArb = (mode: Mode): fc.Arbitrary<string> => orBad(mode, dnsLabel, badString);

/** A port with a number, by any of the factories that take one. */
export function numberedPortArb(mode: Mode): fc.Arbitrary<PortIn> {
  const number = orBad(mode, portNumberArb, badNumber);
  const name = optional(portNameArb(mode));
  const factories = [...Object.keys(NAMED_PORT_FACTORIES), 'sniffed'] as Array<NamedPortFactory | 'sniffed'>;
  return fc.oneof(
    fc.record({ f: fc.constantFrom(...factories), number, name })
      .map(({ f, number: n, name: nm }): PortIn => ({ f, number: n, ...(nm === undefined ? {} : { name: nm }) })),
    fc.record({ number, protocol: optional(protocolArb(mode)), name }).map((r): PortIn => ({ f: 'of', ...dropUndefined(r) })),
  );
}

/** A port without a number: a Unix domain socket egress listener. */
export function unixPortArb(mode: Mode): fc.Arbitrary<PortIn> {
  return fc.record({ protocol: optional(protocolArb(mode)), name: optional(portNameArb(mode)), viaOf: fc.boolean() })
    .map(({ viaOf, ...r }): PortIn => (viaOf ? { f: 'of', ...dropUndefined(r) } : { f: 'unixSocket', ...dropUndefined(r) }));
}

const socketPath: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.stringMatching(/^[a-z0-9._-]{1,8}$/), { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  fc.stringMatching(/^@[a-z0-9-]{1,10}$/),
);

export function endpointArb(mode: Mode): fc.Arbitrary<EndpointIn> {
  const port = orBad(mode, portNumberArb, badNumber);
  const path = orBad(mode, socketPath, badString);
  const text = orBad(
    mode,
    fc.tuple(fc.constantFrom('127.0.0.1', '0.0.0.0', '[::1]', '[::]', ''), portNumberArb).map(([h, p]) => `${h}:${p}`),
    badString,
  );
  return fc.oneof(
    fc.record({ f: fc.constantFrom('loopback', 'loopbackIpv6', 'anyAddress', 'anyAddressIpv6' as const), port }),
    path.map((p): EndpointIn => ({ f: 'unix', path: p })),
    text.map((t): EndpointIn => ({ f: 'parse', text: t })),
  );
}

const ipAddress: fc.Arbitrary<string> = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('127.0.0.1', '0.0.0.0', '::1', '::'));

export function ipBindArb(mode: Mode): fc.Arbitrary<BindIn> {
  const address = orBad(mode, ipAddress, fc.oneof(badString, fc.constantFrom('[::1]', '10.0.0.0/8', '256.1.1.1', 'localhost')));
  return fc.oneof(
    address.map((a): BindIn => ({ f: 'ip', address: a })),
    address.map((a): BindIn => ({ f: 'parse', text: a })),
  );
}

export function unixBindArb(mode: Mode): fc.Arbitrary<BindIn> {
  const path = orBad(mode, socketPath, badString);
  return fc.oneof(
    path.map((p): BindIn => ({ f: 'unix', path: p })),
    path.map((p): BindIn => ({ f: 'parse', text: `unix://${p}` })),
  );
}

// ---------------------------------------------------------------------------------------------
// Durations, TLS, connection pools, outbound policy, selectors

const UNITS: DurationUnit[] = ['millis', 'seconds', 'minutes', 'hours'];

/** A duration of at least `minMs` whole milliseconds, in any unit. */
export function durationArb(mode: Mode, minMs = 1): fc.Arbitrary<DurationIn> {
  const valid = fc.tuple(fc.oneof(fc.integer({ min: minMs, max: 10_000 }), fc.integer({ min: minMs, max: 100_000_000 })), fc.constantFrom(...UNITS))
    .map(([ms, unit]) => durationOfMillis(ms, unit));
  const bad = fc.record({ unit: fc.constantFrom(...UNITS), amount: fc.oneof(badNumber, fc.constantFrom(0, 0.0001, 0.5, 1e-7)) });
  return orBad(mode, valid, bad);
}

const pemPath = fc.stringMatching(/^\/etc\/[a-z]{1,8}\/[a-z]{1,8}\.pem$/);

export function tlsArb(mode: Mode): fc.Arbitrary<TlsIn> {
  const path = orBad(mode, pemPath, badString);
  const list = (item: fc.Arbitrary<string>) => optional(fc.array(orBad(mode, item, badString), { maxLength: 3 }), 20);
  const common = {
    serverCertificate: path,
    privateKey: path,
    caCertCredentialName: optional(orBad(mode, dnsLabel, badString), 15),
    insecureSkipVerify: optional(fc.boolean(), 20),
    minProtocolVersion: optional(orBad(mode, fc.constantFrom(...TLS_VERSIONS), badString), 20),
    maxProtocolVersion: optional(orBad(mode, fc.constantFrom(...TLS_VERSIONS), badString), 20),
    cipherSuites: list(fc.constantFrom('ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'AES256-SHA')),
    ecdhCurves: list(fc.constantFrom('X25519', 'P-256', 'P-384')),
    verifyCertificateSpki: list(fc.base64String({ minLength: 4, maxLength: 12 })),
    verifyCertificateHash: list(fc.stringMatching(/^[0-9a-f]{8,16}$/)),
  };
  const simple = fc.record({ mode: fc.constant('SIMPLE'), ...common });
  const mutual = fc.record({
    mode: fc.constantFrom('MUTUAL', 'OPTIONAL_MUTUAL'),
    ...common,
    caCertificates: path,
    caCrl: optional(path, 30),
  });
  const valid = fc.oneof(simple, mutual).map((t) => dropUndefined(t) as unknown as TlsIn);
  if (mode === 'valid') return valid;
  const bad = fc.record({ mode: fc.oneof(fc.constantFrom(...TLS_MODES), fc.constantFrom('PASSTHROUGH', 'ISTIO_MUTUAL', 'simple'), badString), ...common, caCertificates: optional(path), caCrl: optional(path) })
    .map((t) => dropUndefined(t) as unknown as TlsIn);
  return orBad(mode, valid, bad);
}

const int32Arb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }));

export function poolArb(mode: Mode): fc.Arbitrary<PoolIn> {
  const limit = orBad(mode, int32Arb, badNumber);
  const duration = durationArb(mode);
  const tcp: fc.Arbitrary<TcpIn> = fc.record({
    maxConnections: limit,
    connectTimeout: duration,
    tcpKeepalive: fc.record(
      { probes: orBad(mode, fc.integer({ min: 0, max: 2 ** 32 - 1 }), badNumber), time: duration, interval: duration },
      { requiredKeys: [] },
    ),
    maxConnectionDuration: duration,
    // 0 turns the TCP idle timeout off, so it is the one duration allowed to be 0.
    idleTimeout: durationArb(mode, 0),
  }, { requiredKeys: [] });
  const http: fc.Arbitrary<HttpIn> = fc.record({
    http1MaxPendingRequests: limit,
    http2MaxRequests: limit,
    maxRequestsPerConnection: limit,
    maxRetries: limit,
    idleTimeout: duration,
    h2UpgradePolicy: orBad(mode, fc.constantFrom(...H2_POLICIES), badString),
    useClientProtocol: fc.boolean(),
    maxConcurrentStreams: limit,
    // Istio needs both fields; 'any' mode sometimes leaves one out.
    http2KeepAlive: orBad(
      mode,
      fc.record({ interval: duration, timeout: duration }),
      fc.record({ interval: duration, timeout: duration }, { requiredKeys: [] }),
    ),
  }, { requiredKeys: [] }).filter((h) => mode === 'any' || !(h.h2UpgradePolicy === 'UPGRADE' && h.useClientProtocol === true));
  const pool = fc.record({ tcp, http }, { requiredKeys: [] });
  return mode === 'valid' ? pool.filter((p) => p.tcp !== undefined || p.http !== undefined) : pool;
}

export function policyArb(mode: Mode): fc.Arbitrary<PolicyIn> {
  const proxy = fc.record({
    host: orBad(mode, fqdn, badString),
    port: orBad(mode, portNumberArb, badNumber),
    subset: optional(orBad(mode, dnsLabel, badString)),
  }).map((p) => dropUndefined(p) as { host: string; port: number; subset?: string });
  return fc.oneof(
    fc.constant<PolicyIn>({ f: 'registryOnly' }),
    fc.constant<PolicyIn>({ f: 'allowAny' }),
    proxy.map((p): PolicyIn => ({ f: 'allowAny', proxy: p })),
  );
}

const labelName = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
  fc.constantFrom('app', 'version', 'app.kubernetes.io/name', 'Tier_1', '1', 'yes', 'null'),
);
const labelValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/),
  fc.constantFrom(...YAML_AMBIGUOUS, '', '1.0', '1_000', 'v1', 'x'.repeat(63)),
);

export function selectorArb(mode: Mode): fc.Arbitrary<Array<[string, string]>> {
  const labels = fc.uniqueArray(fc.tuple(orBad(mode, labelName, badString), orBad(mode, labelValue, badString)), {
    minLength: 1,
    maxLength: 4,
    selector: ([key]) => key,
  });
  return orBad(mode, labels, fc.constant([]));
}

// ---------------------------------------------------------------------------------------------
// Listeners

const captureModeArb = (mode: Mode) => orBad(mode, fc.constantFrom(...CAPTURE_MODES), fc.oneof(badString, fc.constantFrom('none', 'TPROXY')));

const isTlsProtocol = (p: PortIn) => ['HTTPS', 'TLS'].includes((portProtocol(p) ?? '').toUpperCase());

export function ingressArb(mode: Mode): fc.Arbitrary<IngressIn> {
  const base = fc.record({
    port: numberedPortArb(mode),
    bind: optional(ipBindArb(mode), 30),
    captureMode: optional(captureModeArb(mode), 30),
    defaultEndpoint: optional(endpointArb(mode), 30),
    connectionPool: optional(poolArb(mode), 20),
  });
  const plain = base.map((l) => dropUndefined(l) as unknown as IngressIn);
  // TLS termination on an HTTPS or TLS port (any port in 'any' mode).
  const tlsPort = orBad(
    mode,
    fc.oneof(
      fc.record({ f: fc.constantFrom('https', 'tls' as const), number: portNumberArb }).map((p): PortIn => p),
      fc.record({ number: portNumberArb, protocol: fc.constantFrom('HTTPS', 'TLS') }).map((p): PortIn => ({ f: 'of', ...p })),
    ),
    numberedPortArb(mode),
  );
  const withTls = fc.tuple(base, tlsPort, tlsArb(mode))
    .map(([l, port, tls]) => dropUndefined({ ...l, port, tls }) as unknown as IngressIn)
    .filter((l) => mode === 'any' || isTlsProtocol(l.port));
  return fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: withTls, weight: 1 });
}

/** Ingress listeners; in 'valid' mode with distinct port numbers. */
export function ingressListArb(mode: Mode, maxLength = 3): fc.Arbitrary<IngressIn[]> {
  const distinct = fc.uniqueArray(ingressArb(mode), { maxLength, selector: (l) => portNumber(l.port) });
  return mode === 'valid' ? distinct : fc.oneof({ arbitrary: distinct, weight: 4 }, { arbitrary: fc.array(ingressArb(mode), { maxLength }), weight: 1 });
}

function hostsArb(mode: Mode): fc.Arbitrary<HostIn[]> {
  return orBad(mode, fc.array(hostArb(mode), { minLength: 1, maxLength: 4 }), fc.constant([]));
}

/**
 * Egress listeners; in 'valid' mode: numbered ports (distinct numbers, optional IP bind), then
 * Unix socket listeners (distinct sockets), then at most one catch-all, last.
 */
export function egressListArb(mode: Mode, maxLength = 3): fc.Arbitrary<EgressIn[]> {
  const numbered = fc.record({
    hosts: hostsArb(mode),
    port: numberedPortArb(mode),
    bind: optional(ipBindArb(mode), 30),
    captureMode: optional(captureModeArb(mode), 30),
  }).map((l) => dropUndefined(l) as unknown as EgressIn);
  const unix = fc.record({
    hosts: hostsArb(mode),
    port: unixPortArb(mode),
    bind: unixBindArb(mode),
    captureMode: optional(mode === 'valid' ? fc.constantFrom('DEFAULT', 'NONE') : captureModeArb(mode), 30),
  }).map((l) => dropUndefined(l) as unknown as EgressIn);
  const catchAll = fc.record({ hosts: hostsArb(mode), captureMode: optional(captureModeArb(mode), 20) })
    .map((l) => dropUndefined(l) as unknown as EgressIn);
  const structured = fc.tuple(
    fc.uniqueArray(numbered, { maxLength: maxLength - 1, selector: (l) => portNumber(l.port!) }),
    fc.uniqueArray(unix, { maxLength: 1, selector: (l) => JSON.stringify(l.bind) }),
    optional(catchAll, 50),
  ).map(([n, u, c]) => [...n, ...u, ...(c ? [c] : [])]);
  if (mode === 'valid') return structured;
  // Now and then, listeners in any order and combination: catch-alls in the middle, binds without ports, ...
  const bindWithoutPort = fc.record({ hosts: hostsArb(mode), bind: optional(ipBindArb(mode)) }).map((l) => dropUndefined(l) as unknown as EgressIn);
  const anyListener = fc.oneof(numbered, unix, catchAll, bindWithoutPort);
  return fc.oneof({ arbitrary: structured, weight: 4 }, { arbitrary: fc.array(anyListener, { maxLength }), weight: 1 });
}

// ---------------------------------------------------------------------------------------------
// Whole Sidecars and apps

export function sidecarArb(mode: Mode, namespace: string): fc.Arbitrary<SidecarIn> {
  return fc.record({
    name: optional(orBad(mode, dnsLabel, fc.constantFrom('default', 'x'.repeat(63))), 50),
    apiVersion: optional(orBad(mode, fc.constantFrom(...API_VERSIONS), fc.constantFrom('networking.istio.io/v2', 'v1', 'networking.istio.io/v1alpha1')), 25),
    selector: optional(selectorArb(mode), 50),
    ingress: ingressListArb(mode),
    splitI: fc.nat(),
    egress: egressListArb(mode),
    splitE: fc.nat(),
    policy: optional(policyArb(mode), 30),
    inboundPool: optional(poolArb(mode), 25),
  }).map(({ splitI, splitE, ...r }): SidecarIn => ({
    ...dropUndefined(r) as unknown as SidecarIn,
    namespace,
    ingress: r.ingress,
    egress: r.egress,
    ingressInProps: splitI % (r.ingress.length + 1),
    egressInProps: splitE % (r.egress.length + 1),
  })).filter((s) => mode === 'any' || s.ingress.length + s.egress.length > 0 || s.policy !== undefined || s.inboundPool !== undefined);
}

/** One to three Sidecars, each in a namespace of its own (two namespace-wide Sidecars in one namespace are an error). */
export function appArb(mode: Mode, maxSidecars = 3): fc.Arbitrary<SidecarIn[]> {
  return fc.array(sidecarArb(mode, ''), { minLength: 1, maxLength: maxSidecars })
    .map((sidecars) => sidecars.map((s, i) => ({ ...s, namespace: `ns-${i}` })));
}

export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
