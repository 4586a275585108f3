import { isIpAddress, UNIX_SCHEME, unixAddressProblem } from './analysis/syntax';

/**
 * The address a listener binds to: a literal IP address, or (egress listeners whose port has no
 * number) a Unix domain socket.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export class Bind {
  /**
   * A literal IPv4 or IPv6 address, without brackets or a CIDR suffix, e.g. `127.0.0.1` or `::1`.
   *
   * @param address the IP address
   */
  public static ip(address: string): Bind {
    if (!isIpAddress(address)) {
      throw new Error(`Invalid bind address "${address}": expected a literal IPv4 or IPv6 address without brackets or CIDR suffix, e.g. "127.0.0.1" or "::1"`);
    }
    return new Bind(address, false);
  }

  /**
   * `unix://<path>`: a Unix domain socket, given as an absolute path (`/var/run/egress.sock`)
   * or a Linux abstract socket name (`@egress`). For egress listeners whose port has no number.
   *
   * @param path the socket's absolute path, or `@` and an abstract socket name
   */
  public static unix(path: string): Bind {
    const problem = unixAddressProblem(path);
    if (problem) {
      throw new Error(`Invalid bind address "${UNIX_SCHEME}${path}": ${problem}`);
    }
    return new Bind(`${UNIX_SCHEME}${path}`, true);
  }

  /**
   * A bind address written as Istio expects it, e.g. `127.0.0.1`, `::1` or `unix:///var/run/egress.sock`.
   *
   * @param text the address as Istio writes it
   */
  public static parse(text: string): Bind {
    return text.startsWith(UNIX_SCHEME) ? Bind.unix(text.slice(UNIX_SCHEME.length)) : Bind.ip(text);
  }

  /** Whether the address is a Unix domain socket. */
  public readonly isUnixSocket: boolean;

  private constructor(private readonly text: string, isUnixSocket: boolean) {
    this.isUnixSocket = isUnixSocket;
  }

  /**
   * The address as it appears in the Sidecar spec.
   *
   * @internal
   */
  public _toIstio(): string {
    return this.text;
  }

  /** The address as it is rendered, e.g. `127.0.0.1`. */
  public toString(): string {
    return this.text;
  }
}
