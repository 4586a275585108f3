// What the duplicate-host warnings compare: the hosts each egress listener imports, with "."
// resolved to the Sidecar's namespace, as Istio's webhook does before comparing them.
import { sidecarView } from '../../sidecar-view';
import { SidecarResource } from '../../snapshot';
import { splitEgressHost } from '../../syntax/egress-host';

export interface ImportedHost {
  /** The host as written. */
  readonly host: string;
  readonly path: string;
  /** The namespace part, "." replaced by the Sidecar's namespace when it is known. */
  readonly namespace: string;
  readonly dnsName: string;
}

/**
 * The importing (non-"~") hosts of each egress listener, in order, listeners without any left
 * out. Hosts without "/" cannot be compared (S-HOST-FORMAT reports them).
 */
export function importedHostsByListener(sidecar: SidecarResource): ImportedHost[][] {
  const byListener = new Map<number, ImportedHost[]>();
  for (const { host, path, listener } of sidecarView(sidecar).hosts) {
    const parts = splitEgressHost(host);
    if (!parts || parts.exclusion) continue;
    const namespace = parts.namespace === '.' && sidecar.ref.namespace !== undefined ? sidecar.ref.namespace : parts.namespace;
    const imported: ImportedHost = { host, path, namespace, dnsName: parts.dnsName };
    const list = byListener.get(listener.index);
    if (list) list.push(imported);
    else byListener.set(listener.index, [imported]);
  }
  return [...byListener.values()];
}

/** `namespace "prod"`, or `any namespace` for "*": how messages name the namespace of a host. */
export function describeNamespace(namespace: string): string {
  return namespace === '*' ? 'any namespace' : `namespace "${namespace}"`;
}
