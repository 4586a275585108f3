// The least-privilege egress of a workload: for each host it calls, the one egress host entry
// (`namespace/dnsName`) that imports that host's definition, as istiod would pick it. Shared by
// the `LeastPrivilegeSidecars` construct (declared calls) and `generate` (observed traffic), so
// that both write the same Sidecar for the same calls.
import { definitionsOf } from '../analysis/reach/reach-answer';
import { isExportedTo } from '../analysis/reach/registry-index';
import { prefers } from '../analysis/reach/workload-scope';
import { MeshSnapshot, RegistryHost } from '../analysis/snapshot';

/** What every generated Sidecar imports besides the calls: the control plane. */
export const ALWAYS_IMPORTED = ['istio-system/*'];

/**
 * The egress host entry that imports `host` (a registry name: a Service FQDN or an external host)
 * for a caller in `callerNamespace`, or undefined when the input defines no such host and the name
 * does not say its namespace (an external host without a ServiceEntry: nothing can import it).
 *
 * Of several definitions, the one istiod keeps for the caller: exported to its namespace, then in
 * its namespace, then a Kubernetes Service over a ServiceEntry, then the first in input order. A
 * wildcard ServiceEntry host (`*.example.com`) that covers the call is imported as written.
 */
export function egressHostFor(mesh: MeshSnapshot, callerNamespace: string, host: string): string | undefined {
  const definitions = definitionsOf(mesh, host);
  const visible = definitions.filter((d) => isExportedTo(d, callerNamespace));
  const chosen = pick(visible.length > 0 ? visible : definitions, callerNamespace);
  if (chosen) return `${chosen.source.ref.namespace ?? ''}/${chosen.host}`;
  const service = serviceNamespace(host, mesh.clusterDomain);
  return service === undefined ? undefined : `${service}/${host}`;
}

function pick(definitions: readonly RegistryHost[], callerNamespace: string): RegistryHost | undefined {
  let best: RegistryHost | undefined;
  for (const d of definitions) {
    if (!(d.source.ref.namespace)) continue;
    if (!best || prefers(d, best, callerNamespace)) best = d;
  }
  return best;
}

/** `reviews.bookinfo.svc.cluster.local` names namespace `bookinfo`; other names none. */
export function serviceNamespace(host: string, clusterDomain: string): string | undefined {
  const suffix = `.svc.${clusterDomain}`;
  if (!host.endsWith(suffix)) return undefined;
  const labels = host.slice(0, -suffix.length).split('.');
  return labels.length === 2 && labels[0] && labels[1] ? labels[1] : undefined;
}

/** The entries sorted and once each, the always-imported ones last (as people write them). */
export function egressHostList(called: Iterable<string>, always: readonly string[] = ALWAYS_IMPORTED): string[] {
  const alwaysSet = new Set(always);
  // A call an always-imported "ns/*" (or "*/*") already covers would repeat it (S-HOST-DUPLICATE).
  const wholeNamespaces = new Set([...alwaysSet].filter((h) => h.endsWith('/*')).map((h) => h.slice(0, -2)));
  const covered = (h: string) => alwaysSet.has(h) || wholeNamespaces.has('*') || wholeNamespaces.has(h.slice(0, h.indexOf('/')));
  const calls = [...new Set(called)].filter((h) => !covered(h)).sort();
  return [...calls, ...[...alwaysSet]];
}
