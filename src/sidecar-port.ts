import { portNameProblem, portNumberProblem, protocolProblem } from './analysis/syntax';

/**
 * The protocols Istio accepts on a Sidecar listener port.
 *
 * Leave the protocol out (the `sniffed` factory of `SidecarPort`) to let the proxy detect it from the traffic.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export enum SidecarProtocol {
  /** Plain-text HTTP/1.1 (or HTTP/2 with prior knowledge). */
  HTTP = 'HTTP',
  /** HTTP over TLS. Opaque to the proxy unless the listener terminates TLS. */
  HTTPS = 'HTTPS',
  /** HTTP/2 in plain text. */
  HTTP2 = 'HTTP2',
  /** gRPC, routed as HTTP/2. */
  GRPC = 'GRPC',
  /** gRPC-Web, gRPC carried over HTTP/1.1 from browsers. */
  GRPC_WEB = 'GRPC-WEB',
  /** A forward proxy port the application sends outbound HTTP through; for egress listeners only. */
  HTTP_PROXY = 'HTTP_PROXY',
  /** Opaque TCP. */
  TCP = 'TCP',
  /** TLS routed by SNI without terminating it, unless the listener terminates TLS. */
  TLS = 'TLS',
  /** UDP. The proxy does not carry UDP: the port is accepted but its traffic is not proxied. */
  UDP = 'UDP',
  /** The MongoDB wire protocol, proxied as TCP. */
  MONGO = 'MONGO',
  /** The Redis protocol, proxied as TCP. */
  REDIS = 'REDIS',
  /** The MySQL protocol, proxied as TCP. */
  MYSQL = 'MYSQL',
}

/**
 * A port described field by field, for the `of` factory of `SidecarPort`.
 */
export interface SidecarPortOptions {
  /**
   * The port number. On an egress listener, a port without a number declares a Unix domain
   * socket listener, whose `bind` must then be a `unix://` address.
   *
   * @default - no number (a Unix domain socket listener)
   */
  readonly number?: number;

  /**
   * The protocol of the traffic on the port.
   *
   * @default - none: the proxy sniffs the protocol
   */
  readonly protocol?: SidecarProtocol;

  /**
   * A name for the port, a DNS label such as `http-web`.
   *
   * @default - no name
   */
  readonly name?: string;
}

/**
 * The port (and protocol) a Sidecar listener accepts traffic on.
 *
 * `targetPort` is deliberately not offered: Istio rejects it on Sidecars.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
 */
export class SidecarPort {
  /**
   * An HTTP port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static http(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.HTTP, name });
  }

  /**
   * An HTTPS port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static https(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.HTTPS, name });
  }

  /**
   * A plain-text HTTP/2 port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static http2(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.HTTP2, name });
  }

  /**
   * A gRPC port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static grpc(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.GRPC, name });
  }

  /**
   * A gRPC-Web port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static grpcWeb(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.GRPC_WEB, name });
  }

  /**
   * An outbound HTTP proxy port (egress listeners only).
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static httpProxy(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.HTTP_PROXY, name });
  }

  /**
   * An opaque TCP port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static tcp(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.TCP, name });
  }

  /**
   * A TLS port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static tls(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.TLS, name });
  }

  /**
   * A UDP port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static udp(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.UDP, name });
  }

  /**
   * A MongoDB port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static mongo(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.MONGO, name });
  }

  /**
   * A Redis port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static redis(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.REDIS, name });
  }

  /**
   * A MySQL port.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static mysql(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, protocol: SidecarProtocol.MYSQL, name });
  }

  /**
   * A port without a protocol: the proxy detects HTTP, HTTP/2 or TLS from the first bytes, else treats it as TCP.
   *
   * @param number the port number, 1-65535
   * @param name a name for the port, a DNS label
   */
  public static sniffed(number: number, name?: string): SidecarPort {
    return SidecarPort.of({ number, name });
  }

  /**
   * An egress port without a number: the listener accepts connections on a Unix domain socket,
   * given as the listener's `bind` (from the `unix` factory of `Bind`).
   *
   * @param protocol the protocol of the traffic; none to let the proxy sniff it
   * @param name a name for the port, a DNS label
   */
  public static unixSocket(protocol?: SidecarProtocol, name?: string): SidecarPort {
    return SidecarPort.of({ protocol, name });
  }

  /**
   * A port described field by field.
   *
   * @param options the port's number, protocol and name
   */
  public static of(options: SidecarPortOptions): SidecarPort {
    const { number, protocol, name } = options;
    if (number !== undefined) {
      const problem = portNumberProblem(number);
      if (problem) throw new Error(`Invalid port number ${number}: ${problem}`);
    }
    if (protocol !== undefined) {
      const problem = protocolProblem(protocol);
      if (problem) throw new Error(`Invalid port protocol "${protocol}": ${problem}`);
    }
    if (name !== undefined) {
      const problem = portNameProblem(name);
      if (problem) throw new Error(`Invalid port name "${name}": ${problem}`);
    }
    return new SidecarPort(number, protocol, name);
  }

  /** The port number; undefined for a Unix domain socket listener. */
  public readonly number?: number;

  /** The protocol; undefined when the proxy sniffs it. */
  public readonly protocol?: SidecarProtocol;

  /** The port's name. */
  public readonly name?: string;

  private constructor(number?: number, protocol?: SidecarProtocol, name?: string) {
    this.number = number;
    this.protocol = protocol;
    this.name = name;
  }

  /** Whether this port has no number, so it declares a Unix domain socket listener. */
  public get isUnixSocket(): boolean {
    return this.number === undefined;
  }

  /**
   * The port as it appears in the Sidecar spec, e.g. `{ number: 9080, protocol: 'HTTP', name: 'http' }`.
   *
   * @internal
   */
  public _toIstio(): { [key: string]: unknown } {
    const json: { [key: string]: unknown } = {};
    if (this.number !== undefined) json.number = this.number;
    if (this.protocol !== undefined) json.protocol = this.protocol;
    if (this.name !== undefined) json.name = this.name;
    return json;
  }

  /** e.g. `9080/HTTP (http)`, `9080/sniffed` or `unix-socket/HTTP`. */
  public toString(): string {
    const where = this.number === undefined ? 'unix-socket' : String(this.number);
    const name = this.name === undefined ? '' : ` (${this.name})`;
    return `${where}/${this.protocol ?? 'sniffed'}${name}`;
  }
}
