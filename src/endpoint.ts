import { defaultEndpointProblems, UNIX_SCHEME } from './analysis/syntax';

/**
 * Where an ingress listener forwards the traffic it accepts (`defaultEndpoint`): a port on the
 * workload's loopback or any-address interface, or a Unix domain socket.
 *
 * Istio accepts only these hosts, compared as exact strings, so the factories are the only forms.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export class Endpoint {
  /**
   * `127.0.0.1:<port>`: the application listens on the IPv4 loopback.
   *
   * @param port the port the application listens on
   */
  public static loopback(port: number): Endpoint {
    return Endpoint.parse(`127.0.0.1:${port}`);
  }

  /**
   * `[::1]:<port>`: the application listens on the IPv6 loopback.
   *
   * @param port the port the application listens on
   */
  public static loopbackIpv6(port: number): Endpoint {
    return Endpoint.parse(`[::1]:${port}`);
  }

  /**
   * `0.0.0.0:<port>`: the proxy forwards to the workload's own IPv4 address.
   *
   * @param port the port the application listens on
   */
  public static anyAddress(port: number): Endpoint {
    return Endpoint.parse(`0.0.0.0:${port}`);
  }

  /**
   * `[::]:<port>`: the proxy forwards to the workload's own IPv6 address.
   *
   * @param port the port the application listens on
   */
  public static anyAddressIpv6(port: number): Endpoint {
    return Endpoint.parse(`[::]:${port}`);
  }

  /**
   * `unix://<path>`: the application listens on a Unix domain socket, given as an absolute
   * path (`/var/run/app.sock`) or a Linux abstract socket name (`@app`).
   *
   * @param path the socket's absolute path, or `@` and an abstract socket name
   */
  public static unix(path: string): Endpoint {
    return Endpoint.parse(`${UNIX_SCHEME}${path}`);
  }

  /**
   * An endpoint written as Istio expects it, e.g. `127.0.0.1:8080`, `[::1]:8080` or `unix:///var/run/app.sock`.
   *
   * @param text the endpoint as Istio writes it
   */
  public static parse(text: string): Endpoint {
    const problems = defaultEndpointProblems(text);
    if (problems.length > 0) {
      throw new Error(`Invalid default endpoint "${text}": ${problems.map(p => p.reason).join('; ')}`);
    }
    return new Endpoint(text);
  }

  /** Whether the endpoint is a Unix domain socket. */
  public readonly isUnixSocket: boolean;

  private constructor(private readonly text: string) {
    this.isUnixSocket = text.startsWith(UNIX_SCHEME);
  }

  /**
   * The endpoint as it appears in the Sidecar spec.
   *
   * @internal
   */
  public _toIstio(): string {
    return this.text;
  }

  /** The endpoint as it is rendered, e.g. `127.0.0.1:8080`. */
  public toString(): string {
    return this.text;
  }
}
