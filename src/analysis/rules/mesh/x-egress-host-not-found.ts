import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { DEFAULT_ROOT_NAMESPACE, MeshSnapshot, RegistryHost, SidecarResource, withoutTrailingDot } from '../../snapshot';
import { EgressHostParts, splitEgressHost } from '../../syntax/egress-host';
import { meshSidecar, serviceEntryManifest } from '../support/mesh-examples';
import { namespacePhrase } from '../support/mesh-helpers';
import { effectiveOutboundMode } from '../support/outbound-mode';
import { assumptionSentence } from '../support/registry-assumption';

// O(h·d): each egress host looks up its name and its d wildcard suffixes in the registry map; a
// wildcard host also looks up the hosts under it in a suffix index built once per snapshot.
export const egressHostNotFound: MeshRule = {
  id: 'X-EGRESS-HOST-NOT-FOUND',
  scope: 'mesh',
  concerns: ['Sidecar', 'Service', 'ServiceEntry'],
  severity: Severity.WARNING,
  title: 'Every egress host names a Service or ServiceEntry visible from the Sidecar\'s namespace',
  why: 'An egress host imports the hosts of the service registry it matches. When no Service or ServiceEntry of that name (for a wildcard such as "*.example.com", none under it) exists in the named namespace and is exported to the Sidecar\'s namespace, the entry imports nothing and, under REGISTRY_ONLY, calls to it fail; '
    + '"ns/*" imports nothing when namespace "ns" does not exist. The namespace part keeps Istio\'s meaning: "ns/host" imports only what is defined in namespace "ns", so a ServiceEntry in another namespace does not satisfy it '
    + '(Kiali\'s KIA1004 differs: it ignores the namespace part, and accepts no Service or specific ServiceEntry for a wildcard host). "~/..." hosts import nothing by design and are never looked up.',
  fix: 'Fix the host or its namespace, add the ServiceEntry or export the service, or suppress the rule if the host is registered outside this input.',
  references: ['KIA1004'],
  sources: [RuleSource.KIALI, RuleSource.SEMANTICS],
  registryAssumption: 'Host names are judged when the input defines at least one Service or ServiceEntry (it is then taken to hold all of them), or always with registry "complete"; "ns/*" is judged when the input declares at least one Namespace: a namespace without a Namespace object or any object in it is then taken not to exist (the root namespace and istio-system always do).',
  examples: {
    failing: [meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'external/api.example.org'] }] }), serviceEntryManifest('external', 'api', ['api.example.com'])],
    passing: [meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'external/api.example.com'] }] }), serviceEntryManifest('external', 'api', ['api.example.com'])],
  },
  check(mesh, report) {
    // Without a single Service or ServiceEntry a partial input says nothing about the registry.
    const judgeHosts = mesh.hasRegistry || mesh.registryIsComplete;
    for (const sidecar of mesh.sidecars) {
      for (const { host, path } of sidecarView(sidecar).hosts) {
        const parts = splitEgressHost(host);
        // Exclusions import nothing by design; malformed hosts are the S-HOST rules' business.
        if (!parts || parts.exclusion || !parts.namespace || !parts.dnsName) continue;
        if (parts.dnsName === '*') {
          const problem = missingNamespace(mesh, parts);
          if (problem) report(sidecar, problem, { path });
          continue;
        }
        const wildcard = parts.dnsName.startsWith('*.');
        // Any other "*" is S-HOST-PARTIAL-WILDCARD's: it matches nothing Istio would import.
        if (!judgeHosts || (!wildcard && parts.dnsName.includes('*')) || (wildcard && parts.dnsName.indexOf('*', 1) >= 0)) continue;
        const candidates = wildcard ? wildcardEntries(mesh, parts.dnsName) : registryEntries(mesh, parts.dnsName);
        const inNamespace = candidates.filter((c) => isInNamespace(mesh, sidecar, parts, c));
        const visible = inNamespace.filter((c) => isVisibleFrom(mesh, sidecar, c));
        if (visible.length > 0) continue;
        const related = (inNamespace.length > 0 ? inNamespace : candidates).map((c) => c.source);
        report(sidecar, message(mesh, sidecar, host, parts, candidates, inNamespace), { path, related: [...new Set(related)] });
      }
    }
  },
};

/**
 * `ns/*` with a namespace the input does not show (when it declares any Namespace): no Namespace
 * object and no object in it. The mesh's namespaces (the root, and istio-system where istiod
 * runs by default) exist in every mesh, declared or not.
 */
function missingNamespace(mesh: MeshSnapshot, parts: EgressHostParts): string | undefined {
  const namespace = parts.namespace;
  if (namespace === '*' || namespace === '.' || !mesh.declaresNamespaces || mesh.showsNamespace(namespace)) return undefined;
  if (namespace === mesh.rootNamespace || namespace === DEFAULT_ROOT_NAMESPACE) return undefined;
  return `egress host "${namespace}/*" imports every service of namespace "${namespace}", but the input declares no Namespace "${namespace}" and holds no object in it, so it imports nothing; `
    + 'fix the namespace name, or add its Namespace object (assumed: the input declares some Namespaces, so it is taken to declare all there are)';
}

/** Registry hosts named `dnsName`, or wildcard ServiceEntry hosts (`*.example.com`) covering it. */
function registryEntries(mesh: MeshSnapshot, dnsName: string): RegistryHost[] {
  const name = withoutTrailingDot(dnsName);
  const result = [...mesh.registry.get(name) ?? []];
  // A wildcard name's first suffix is the name itself, already looked up.
  for (let dot = name.indexOf('.', name.startsWith('*.') ? 2 : 0); dot >= 0; dot = name.indexOf('.', dot + 1)) {
    result.push(...mesh.registry.get(`*${name.slice(dot)}`) ?? []);
  }
  result.push(...mesh.registry.get('*') ?? []);
  return result;
}

/**
 * What a wildcard egress host (`*.example.com`) imports, as Istio matches hosts: every registry
 * host under it (`api.example.com`, `*.eu.example.com`) and every wildcard covering it.
 */
function wildcardEntries(mesh: MeshSnapshot, dnsName: string): RegistryHost[] {
  const name = withoutTrailingDot(dnsName);
  return [...registryEntries(mesh, name), ...hostsBySuffix(mesh).get(name.slice(1)) ?? []];
}

const suffixIndexes = new WeakMap<MeshSnapshot, Map<string, RegistryHost[]>>();

/** Registry hosts by each of their proper suffixes (`.example.com`, `.com`), built once per snapshot. */
function hostsBySuffix(mesh: MeshSnapshot): ReadonlyMap<string, readonly RegistryHost[]> {
  let index = suffixIndexes.get(mesh);
  if (index) return index;
  index = new Map();
  for (const [host, entries] of mesh.registry) {
    // A wildcard's own suffix is not "under" it: `*.example.com` is found by registryEntries.
    for (let dot = host.indexOf('.', host.startsWith('*.') ? 2 : 1); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      const suffix = host.slice(dot);
      const list = index.get(suffix);
      if (list) list.push(...entries);
      else index.set(suffix, [...entries]);
    }
  }
  suffixIndexes.set(mesh, index);
  return index;
}

/** Root-namespace Sidecars are evaluated in each workload's namespace, so "." there means any namespace. */
function isEverywhere(mesh: MeshSnapshot, sidecar: SidecarResource): boolean {
  return !sidecar.ref.namespace || sidecar.ref.namespace === mesh.rootNamespace;
}

function isInNamespace(mesh: MeshSnapshot, sidecar: SidecarResource, parts: EgressHostParts, entry: RegistryHost): boolean {
  if (parts.namespace === '*') return true;
  if (parts.namespace === '.') return isEverywhere(mesh, sidecar) || entry.source.ref.namespace === sidecar.ref.namespace;
  return entry.source.ref.namespace === parts.namespace;
}

function isVisibleFrom(mesh: MeshSnapshot, sidecar: SidecarResource, entry: RegistryHost): boolean {
  if (isEverywhere(mesh, sidecar)) return entry.exportTo.some((ns) => ns !== '~');
  return entry.exportTo.includes('*') || entry.exportTo.includes(sidecar.ref.namespace as string);
}

/** What happens to calls to the host, by the outbound mode the Sidecar runs with when that is known. */
function consequence(mesh: MeshSnapshot, sidecar: SidecarResource, dnsName: string): string {
  const outbound = effectiveOutboundMode(mesh, sidecar);
  const calls = `calls to ${JSON.stringify(dnsName)}`;
  if (!outbound) return `and, with REGISTRY_ONLY, ${calls} fail`;
  if (outbound.mode === 'REGISTRY_ONLY') return `and this Sidecar runs REGISTRY_ONLY (${outbound.from}), so ${calls} fail`;
  return `this Sidecar runs ALLOW_ANY (${outbound.from}), so ${calls} pass through, without this listener's settings`;
}

function message(
  mesh: MeshSnapshot, sidecar: SidecarResource, host: string, parts: EgressHostParts,
  candidates: readonly RegistryHost[], inNamespace: readonly RegistryHost[],
): string {
  const start = `egress host ${JSON.stringify(host)}`;
  const assumed = assumptionSentence(mesh, 'some Services or ServiceEntries');
  const define = (entry: RegistryHost) => `${entry.source.ref.kind} ${JSON.stringify(entry.source.ref.name)} in namespace "${entry.source.ref.namespace ?? ''}"`;
  if (inNamespace.length > 0) {
    const entry = inNamespace[0];
    return `${start}: ${define(entry)} defines ${JSON.stringify(entry.host)} but does not export it to ${namespacePhrase(sidecar.ref.namespace)} (exportTo ${JSON.stringify(entry.exportTo)}), so this entry imports nothing; `
      + `export it to this namespace, or remove the host${assumed}`;
  }
  if (candidates.length > 0) {
    const entry = candidates[0];
    const where = parts.namespace === '.' ? namespacePhrase(sidecar.ref.namespace) : `namespace "${parts.namespace}"`;
    return `${start}: ${JSON.stringify(entry.host)} is defined by ${define(entry)}, not in ${where}, so this entry imports nothing; `
      + `write "${entry.source.ref.namespace ?? '*'}/${parts.dnsName}" (or "*/${parts.dnsName}")${assumed}`;
  }
  return `${start} matches no Service or ServiceEntry in the input, so it imports nothing (${consequence(mesh, sidecar, parts.dnsName)}); `
    + `fix the host name, add a ServiceEntry for it, or suppress this rule if it is registered outside this input${assumed}`;
}
