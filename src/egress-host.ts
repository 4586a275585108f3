import { egressHostProblems, splitEgressHost } from './analysis/syntax';

/**
 * A host an egress listener imports (or excludes), in Istio's `namespace/dnsName` form.
 *
 * The namespace part picks where the services or configuration come from (`*` any namespace,
 * `.` the Sidecar's own); the DNS name picks hosts there (`*` all of them, `*.example.com`
 * a wildcard). An exclusion (`~` before the namespace) removes hosts the other entries
 * of the listener import.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export class EgressHost {
  /**
   * Hosts from the namespace `namespace`: continue with its `allHosts` or `host` method.
   *
   * @param namespace the namespace name, e.g. `istio-system`
   */
  public static namespace(namespace: string): EgressHostNamespace {
    return EgressHostNamespace._of(namespace);
  }

  /**
   * Hosts in the Sidecar's own namespace (`./<dnsName>`). In the mesh-wide default Sidecar,
   * this is the namespace of each workload it applies to.
   *
   * @param dnsName the host to import; '*' (the default) for every host in the namespace
   */
  public static sameNamespace(dnsName: string = '*'): EgressHost {
    return EgressHost.parse(`./${dnsName}`);
  }

  /**
   * A host from any namespace (the namespace part `*`), e.g. a ServiceEntry host wherever it is declared.
   *
   * @param dnsName the host to import; '*' (the default) for every host the namespace can see
   */
  public static anyNamespace(dnsName: string = '*'): EgressHost {
    return EgressHost.parse(`*/${dnsName}`);
  }

  /** Every host in every namespace (`*` for both parts), what a workload sees without a Sidecar. */
  public static all(): EgressHost {
    return EgressHost.parse('*/*');
  }

  /** Nothing at all (`~/*`): for a workload that only receives traffic and makes no outbound calls. */
  public static none(): EgressHost {
    return EgressHost.parse('~/*');
  }

  /**
   * Removes `host` from what the other hosts of the listener import, e.g.
   * `EgressHost.exclude(EgressHost.namespace('ns1').host('a.example.com'))` renders `~ns1/a.example.com`.
   *
   * @param host the host to remove, not itself an exclusion
   */
  public static exclude(host: EgressHost): EgressHost {
    if (host.isExclusion) {
      throw new Error(`Invalid egress host exclusion: "${host}" is already an exclusion; pass the host to exclude, e.g. "ns1/a.example.com"`);
    }
    return EgressHost.parse(`~${host}`);
  }

  /**
   * An egress host written as Istio expects it, e.g. `istio-system/*`, `./*` or `~ns1/a.example.com`;
   * the namespace part `*` imports from any namespace.
   *
   * @param text the host as Istio writes it, `<namespace>/<dnsName>`
   */
  public static parse(text: string): EgressHost {
    const problems = egressHostProblems(text);
    if (problems.length > 0) {
      throw new Error(`Invalid egress host "${text}": ${problems.map(p => p.reason).join('; ')}`);
    }
    // A host without problems always has a "/" to split at.
    const parts = splitEgressHost(text)!;
    return new EgressHost(text, parts.namespace, parts.dnsName, parts.exclusion);
  }

  /**
   * The namespace part without the exclusion marker: a namespace name, `*` (any namespace),
   * `.` (the Sidecar's own), or empty (only for an exclusion such as `~/*`, which applies everywhere).
   * (Not called `namespace`: jsii forbids an instance member named like the static factory.)
   */
  public readonly namespacePart: string;

  /** The DNS name part: a host name, a wildcard such as `*.example.com`, or `*` for every host. */
  public readonly dnsName: string;

  /** Whether this entry removes hosts (`~` before the namespace) instead of importing them. */
  public readonly isExclusion: boolean;

  private constructor(private readonly text: string, namespacePart: string, dnsName: string, isExclusion: boolean) {
    this.namespacePart = namespacePart;
    this.dnsName = dnsName;
    this.isExclusion = isExclusion;
  }

  /**
   * The host as it appears in the Sidecar spec.
   *
   * @internal
   */
  public _toIstio(): string {
    return this.text;
  }

  /** The host as it is rendered, e.g. `istio-system/*`. */
  public toString(): string {
    return this.text;
  }
}

/**
 * The hosts of one named namespace, from `EgressHost.namespace(namespace)`.
 */
export class EgressHostNamespace {
  /** @internal */
  public static _of(namespace: string): EgressHostNamespace {
    // The wildcard and relative forms have their own factories; a name is all this takes.
    if (namespace === '*' || namespace === '.' || namespace.startsWith('~') || namespace.includes('/')) {
      throw new Error(
        `Invalid egress host namespace "${namespace}": expected a namespace name, e.g. "istio-system"; `
        + 'use EgressHost.anyNamespace(), EgressHost.sameNamespace() or EgressHost.exclude() for "*", "." and "~"',
      );
    }
    // Validates the namespace the way it will be rendered.
    EgressHost.parse(`${namespace}/*`);
    return new EgressHostNamespace(namespace);
  }

  /** The namespace name. */
  public readonly namespace: string;

  private constructor(namespace: string) {
    this.namespace = namespace;
  }

  /** Every host in the namespace (`<namespace>/*`). */
  public allHosts(): EgressHost {
    return EgressHost.parse(`${this.namespace}/*`);
  }

  /**
   * One host, or a wildcard such as `*.example.com`, in the namespace (`<namespace>/<dnsName>`).
   *
   * @param dnsName the host name or wildcard
   */
  public host(dnsName: string): EgressHost {
    return EgressHost.parse(`${this.namespace}/${dnsName}`);
  }

  /** The namespace part as rendered. */
  public toString(): string {
    return this.namespace;
  }
}
