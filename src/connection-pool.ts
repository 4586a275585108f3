import { Duration } from 'cdk8s';

/**
 * Whether HTTP/1.1 connections to the application are upgraded to HTTP/2.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-HTTPSettings-H2UpgradePolicy
 */
export enum H2UpgradePolicy {
  /** Follow the mesh-wide setting (`h2UpgradePolicy` in MeshConfig). */
  DEFAULT = 'DEFAULT',
  /** Never upgrade. */
  DO_NOT_UPGRADE = 'DO_NOT_UPGRADE',
  /** Upgrade to HTTP/2. Cannot be combined with `useClientProtocol`. */
  UPGRADE = 'UPGRADE',
}

/**
 * TCP keepalive probes on connections to the application.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-TCPSettings-TcpKeepalive
 */
export interface TcpKeepaliveSettings {
  /**
   * How many unanswered probes mark the connection dead.
   *
   * @default - the operating system's setting (9 on Linux)
   */
  readonly probes?: number;

  /**
   * How long a connection stays idle before the first probe. At least 1ms, whole milliseconds.
   *
   * @default - the operating system's setting (two hours on Linux)
   */
  readonly time?: Duration;

  /**
   * The time between probes. At least 1ms, whole milliseconds.
   *
   * @default - the operating system's setting (75s on Linux)
   */
  readonly interval?: Duration;
}

/**
 * Limits on the TCP connections between the proxy and the application.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-TCPSettings
 */
export interface TcpConnectionPoolSettings {
  /**
   * The most connections open at once. Must not be negative.
   *
   * @default 4294967295 (no practical limit)
   */
  readonly maxConnections?: number;

  /**
   * How long to wait for a connection to be established. At least 1ms, whole milliseconds.
   *
   * @default Duration.seconds(10)
   */
  readonly connectTimeout?: Duration;

  /**
   * Keepalive probes, which enable TCP keepalive on the socket.
   *
   * @default - no keepalive
   */
  readonly tcpKeepalive?: TcpKeepaliveSettings;

  /**
   * The longest a connection may live, however busy. At least 1ms, whole milliseconds.
   *
   * @default - no limit
   */
  readonly maxConnectionDuration?: Duration;

  /**
   * How long a connection may sit idle before it is closed. Zero turns the timeout off.
   *
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;
}

/**
 * HTTP/2 PING keepalive on connections to the application. Istio requires both fields when
 * the object is present.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-HTTPSettings-HTTP2KeepAlive
 */
export interface Http2KeepAliveSettings {
  /**
   * The time between PING frames. At least 1ms, whole milliseconds.
   *
   * @default - none (required by Istio when http2KeepAlive is set)
   */
  readonly interval?: Duration;

  /**
   * How long to wait for a PING answer before closing the connection. At least 1ms, whole milliseconds.
   *
   * @default - none (required by Istio when http2KeepAlive is set)
   */
  readonly timeout?: Duration;
}

/**
 * Limits on the HTTP traffic between the proxy and the application. Only apply to listeners
 * whose protocol is HTTP-based (HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-WEB).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-HTTPSettings
 */
export interface HttpConnectionPoolSettings {
  /**
   * The most requests queued while waiting for a connection. Must not be negative.
   *
   * @default 4294967295 (no practical limit)
   */
  readonly http1MaxPendingRequests?: number;

  /**
   * The most requests in flight at once. Must not be negative.
   *
   * @default 4294967295 (no practical limit)
   */
  readonly http2MaxRequests?: number;

  /**
   * The most requests sent over one connection before it is closed; 1 disables keep-alive.
   * Must not be negative.
   *
   * @default 0 (no limit)
   */
  readonly maxRequestsPerConnection?: number;

  /**
   * The most retries outstanding at once across all hosts. Must not be negative.
   *
   * @default 4294967295 (no practical limit)
   */
  readonly maxRetries?: number;

  /**
   * How long a connection may have no active request before it is closed. At least 1ms, whole milliseconds.
   *
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;

  /**
   * Whether HTTP/1.1 connections are upgraded to HTTP/2.
   *
   * @default H2UpgradePolicy.DEFAULT
   */
  readonly h2UpgradePolicy?: H2UpgradePolicy;

  /**
   * Keep the client's HTTP version towards the application. Cannot be combined with
   * `h2UpgradePolicy: UPGRADE`.
   *
   * @default false
   */
  readonly useClientProtocol?: boolean;

  /**
   * The most concurrent streams on one HTTP/2 connection. Must not be negative.
   *
   * @default 2147483647 (no practical limit)
   */
  readonly maxConcurrentStreams?: number;

  /**
   * HTTP/2 PING keepalive.
   *
   * @default - no keepalive
   */
  readonly http2KeepAlive?: Http2KeepAliveSettings;
}

/**
 * Connection limits between the proxy and the application for inbound traffic. At least one of
 * `tcp` and `http` is required.
 *
 * The most specific settings win whole (no merging): a listener's own, then the Sidecar's
 * `inboundConnectionPool`, then a DestinationRule's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#Sidecar
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings
 */
export interface ConnectionPoolSettings {
  /**
   * TCP-level limits, which apply to every protocol.
   *
   * @default - Istio's defaults
   */
  readonly tcp?: TcpConnectionPoolSettings;

  /**
   * HTTP-level limits, which apply to HTTP-based protocols only.
   *
   * @default - Istio's defaults
   */
  readonly http?: HttpConnectionPoolSettings;
}
