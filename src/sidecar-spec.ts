// Internal, not exported from index.ts: how the structs of a Sidecar spec (listeners, TLS,
// connection pools) render. Value classes render themselves through their `_toIstio` method;
// jsii structs are plain data in every language and cannot carry one, so their renderers live
// here, beside each other, instead of beside their public types.
import { Duration } from 'cdk8s';
import { ConnectionPoolSettings, HttpConnectionPoolSettings, TcpConnectionPoolSettings } from './connection-pool';
import { EgressListenerOptions } from './egress-listener';
import { IngressListenerOptions } from './ingress-listener';
import { SidecarIngressTlsOptions } from './tls';

type Json = { [key: string]: unknown };

/** The ingress listener as it appears in the Sidecar spec. */
export function renderIngressListener(listener: IngressListenerOptions): Json {
  const json: Json = { port: listener.port._toIstio() };
  if (listener.bind) json.bind = listener.bind._toIstio();
  if (listener.captureMode) json.captureMode = listener.captureMode;
  if (listener.defaultEndpoint) json.defaultEndpoint = listener.defaultEndpoint._toIstio();
  if (listener.tls) json.tls = renderIngressTls(listener.tls);
  if (listener.connectionPool) json.connectionPool = renderConnectionPool(listener.connectionPool);
  return json;
}

/** The egress listener as it appears in the Sidecar spec. */
export function renderEgressListener(listener: EgressListenerOptions): Json {
  const json: Json = {};
  if (listener.port) json.port = listener.port._toIstio();
  if (listener.bind) json.bind = listener.bind._toIstio();
  if (listener.captureMode) json.captureMode = listener.captureMode;
  json.hosts = listener.hosts.map(host => host._toIstio());
  return json;
}

/** The `tls` object of an ingress listener, keys in a fixed order and unset ones left out. */
export function renderIngressTls(options: SidecarIngressTlsOptions): Json {
  const json: Json = { mode: options.mode };
  const optional: Array<keyof SidecarIngressTlsOptions> = [
    'serverCertificate', 'privateKey', 'caCertificates', 'caCrl', 'caCertCredentialName', 'insecureSkipVerify',
    'minProtocolVersion', 'maxProtocolVersion', 'cipherSuites', 'ecdhCurves', 'verifyCertificateSpki', 'verifyCertificateHash',
  ];
  for (const key of optional) {
    const value = options[key];
    if (value !== undefined) json[key] = Array.isArray(value) ? [...value] : value;
  }
  return json;
}

/** The connection pool as it appears in the Sidecar spec. */
export function renderConnectionPool(settings: ConnectionPoolSettings): Json {
  const json: Json = {};
  if (settings.tcp) json.tcp = renderTcp(settings.tcp);
  if (settings.http) json.http = renderHttp(settings.http);
  return json;
}

function renderTcp(tcp: TcpConnectionPoolSettings): Json {
  const keepalive = tcp.tcpKeepalive;
  return definedOnly({
    maxConnections: tcp.maxConnections,
    connectTimeout: renderDuration(tcp.connectTimeout),
    tcpKeepalive: keepalive && definedOnly({
      probes: keepalive.probes,
      time: renderDuration(keepalive.time),
      interval: renderDuration(keepalive.interval),
    }),
    maxConnectionDuration: renderDuration(tcp.maxConnectionDuration),
    idleTimeout: renderDuration(tcp.idleTimeout),
  });
}

function renderHttp(http: HttpConnectionPoolSettings): Json {
  const keepAlive = http.http2KeepAlive;
  return definedOnly({
    http1MaxPendingRequests: http.http1MaxPendingRequests,
    http2MaxRequests: http.http2MaxRequests,
    maxRequestsPerConnection: http.maxRequestsPerConnection,
    maxRetries: http.maxRetries,
    idleTimeout: renderDuration(http.idleTimeout),
    h2UpgradePolicy: http.h2UpgradePolicy,
    useClientProtocol: http.useClientProtocol,
    maxConcurrentStreams: http.maxConcurrentStreams,
    http2KeepAlive: keepAlive && definedOnly({
      interval: renderDuration(keepAlive.interval),
      timeout: renderDuration(keepAlive.timeout),
    }),
  });
}

/**
 * A duration in the protobuf JSON form Istio stores: seconds with up to nine decimals, e.g.
 * "30s", "1.5s", "0.001s". Exact to the nanosecond; sub-millisecond values are rendered as
 * they are and left to validation to report.
 */
export function renderDuration(duration: Duration | undefined): string | undefined {
  if (duration === undefined) return undefined;
  const millis = duration.toMilliseconds({ integral: false });
  const wholeMillis = Math.floor(millis);
  const extraNanos = Math.round((millis - wholeMillis) * 1e6);
  const seconds = Math.floor(wholeMillis / 1000) + Math.floor(((wholeMillis % 1000) * 1e6 + extraNanos) / 1e9);
  const nanos = ((wholeMillis % 1000) * 1e6 + extraNanos) % 1e9;
  const fraction = nanos === 0 ? '' : `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return `${seconds}${fraction}s`;
}

function definedOnly(object: Json): Json {
  const json: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) json[key] = value;
  }
  return json;
}
