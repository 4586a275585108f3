import { OutboundTrafficPolicyMode } from './analysis/outbound-traffic-policy-mode';
import { fqdnProblem, isDns1123Label, portNumberProblem } from './analysis/syntax';


/**
 * A mesh service that receives all outbound traffic to unknown destinations.
 *
 * Deprecated upstream: Istio no longer documents it and `istioctl analyze` reports it as
 * ignored (IST0002), although istiod still honours it. Prefer ServiceEntries or an egress gateway.
 */
export interface EgressProxyOptions {
  /** The fully-qualified host of the proxy service in the service registry, e.g. `egress-proxy.infra.svc.cluster.local`. */
  readonly host: string;

  /** The port of the proxy service. */
  readonly port: number;

  /**
   * A subset of the proxy service, defined in a DestinationRule.
   *
   * @default - the whole service
   */
  readonly subset?: string;
}

/**
 * Options of the `allowAny` factory of `OutboundTrafficPolicy`.
 */
export interface OutboundAllowAnyOptions {
  /**
   * Sends unknown outbound traffic through this proxy instead of straight to its destination.
   *
   * Deprecated upstream: see `EgressProxyOptions`.
   *
   * @default - unknown traffic goes straight to its destination
   */
  readonly egressProxy?: EgressProxyOptions;
}

/**
 * How a Sidecar handles outbound traffic to destinations outside the service registry.
 *
 * Always rendered with an explicit `mode`: Istio reads a policy without a mode as
 * REGISTRY_ONLY, whatever the mesh default is. Leave the Sidecar's `outboundTrafficPolicy`
 * out entirely to keep the mesh-wide setting.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
 */
export class OutboundTrafficPolicy {
  /** Block traffic to destinations not in the service registry. */
  public static registryOnly(): OutboundTrafficPolicy {
    return new OutboundTrafficPolicy(OutboundTrafficPolicyMode.REGISTRY_ONLY);
  }

  /**
   * Let traffic to unknown destinations through, optionally via an egress proxy.
   *
   * @param options an egress proxy to send the traffic through, if any
   */
  public static allowAny(options: OutboundAllowAnyOptions = {}): OutboundTrafficPolicy {
    const proxy = options.egressProxy;
    if (proxy) {
      const hostProblem = fqdnProblem(proxy.host);
      if (hostProblem) {
        throw new Error(`Invalid egress proxy host "${proxy.host}": ${hostProblem}; expected a fully-qualified service host, e.g. "egress-proxy.infra.svc.cluster.local"`);
      }
      const portProblem = portNumberProblem(proxy.port);
      if (portProblem) throw new Error(`Invalid egress proxy port ${proxy.port}: ${portProblem}`);
      if (proxy.subset !== undefined && !isDns1123Label(proxy.subset)) {
        throw new Error(`Invalid egress proxy subset "${proxy.subset}": expected a subset name (a DNS label of at most 63 letters, digits and "-"), e.g. "v1"`);
      }
    }
    return new OutboundTrafficPolicy(OutboundTrafficPolicyMode.ALLOW_ANY, proxy);
  }

  /** The mode, always rendered. */
  public readonly mode: OutboundTrafficPolicyMode;

  /** The egress proxy, only with ALLOW_ANY. */
  public readonly egressProxy?: EgressProxyOptions;

  private constructor(mode: OutboundTrafficPolicyMode, egressProxy?: EgressProxyOptions) {
    this.mode = mode;
    this.egressProxy = egressProxy;
  }

  /**
   * The policy as it appears in the Sidecar spec, e.g. `{ mode: 'ALLOW_ANY' }`.
   *
   * @internal
   */
  public _toIstio(): { [key: string]: unknown } {
    const proxy = this.egressProxy;
    if (!proxy) return { mode: this.mode };
    const egressProxy: { [key: string]: unknown } = { host: proxy.host, port: { number: proxy.port } };
    if (proxy.subset !== undefined) egressProxy.subset = proxy.subset;
    return { mode: this.mode, egressProxy };
  }

  /** e.g. `REGISTRY_ONLY`, `ALLOW_ANY` or `ALLOW_ANY via egress-proxy.infra.svc.cluster.local:3128`. */
  public toString(): string {
    const proxy = this.egressProxy;
    if (!proxy) return this.mode;
    const subset = proxy.subset === undefined ? '' : ` (subset ${proxy.subset})`;
    return `${this.mode} via ${proxy.host}:${proxy.port}${subset}`;
  }
}
