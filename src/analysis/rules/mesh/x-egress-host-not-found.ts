import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { MeshSnapshot, RegistryHost, SidecarResource } from '../../snapshot';
import { EgressHostParts, splitEgressHost } from '../../syntax/egress-host';
import { meshSidecar, serviceEntryManifest } from '../support/mesh-examples';
import { namespacePhrase } from '../support/mesh-helpers';

// O(h·d): each egress host looks up its name and its d wildcard suffixes in the registry map.
export const egressHostNotFound: MeshRule = {
  id: 'X-EGRESS-HOST-NOT-FOUND',
  scope: 'mesh',
  concerns: ['Sidecar', 'Service', 'ServiceEntry'],
  severity: Severity.WARNING,
  title: 'Every specific egress host names a Service or ServiceEntry visible from the Sidecar\'s namespace',
  why: 'An egress host imports a host of the service registry. When no Service or ServiceEntry of that name exists in the named namespace and is exported to the Sidecar\'s namespace, the entry imports nothing and, under REGISTRY_ONLY, calls to it fail. Checked only when the input defines Services or ServiceEntries.',
  fix: 'Fix the host or its namespace, add the ServiceEntry or export the service, or suppress the rule if the host is registered outside this input.',
  references: ['KIA1004'],
  sources: [RuleSource.KIALI],
  examples: {
    failing: [meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'external/api.example.org'] }] }), serviceEntryManifest('external', 'api', ['api.example.com'])],
    passing: [meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'external/api.example.com'] }] }), serviceEntryManifest('external', 'api', ['api.example.com'])],
  },
  check(mesh, report) {
    // Without a single Service or ServiceEntry the input says nothing about the registry.
    if (!mesh.hasRegistry) return;
    for (const sidecar of mesh.sidecars) {
      for (const { host, path } of sidecarView(sidecar).hosts) {
        const parts = splitEgressHost(host);
        // Exclusions, wildcards and malformed hosts (the S-HOST rules' business) import no one name.
        if (!parts || parts.exclusion || !parts.namespace || !parts.dnsName || parts.dnsName === '*' || parts.dnsName.startsWith('*.')) continue;
        const candidates = registryEntries(mesh, parts.dnsName);
        const inNamespace = candidates.filter((c) => isInNamespace(mesh, sidecar, parts, c));
        const visible = inNamespace.filter((c) => isVisibleFrom(mesh, sidecar, c));
        if (visible.length > 0) continue;
        const related = (inNamespace.length > 0 ? inNamespace : candidates).map((c) => c.source);
        report(sidecar, message(sidecar, host, parts, candidates, inNamespace), { path, related: [...new Set(related)] });
      }
    }
  },
};

/** Registry hosts named `dnsName`, or wildcard ServiceEntry hosts (`*.example.com`) covering it. */
function registryEntries(mesh: MeshSnapshot, dnsName: string): RegistryHost[] {
  const name = dnsName.endsWith('.') ? dnsName.slice(0, -1) : dnsName;
  const result = [...mesh.registry.get(name) ?? []];
  for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
    result.push(...mesh.registry.get(`*${name.slice(dot)}`) ?? []);
  }
  result.push(...mesh.registry.get('*') ?? []);
  return result;
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

function message(
  sidecar: SidecarResource, host: string, parts: EgressHostParts, candidates: readonly RegistryHost[], inNamespace: readonly RegistryHost[],
): string {
  const start = `egress host ${JSON.stringify(host)}`;
  const define = (entry: RegistryHost) => `${entry.source.ref.kind} ${JSON.stringify(entry.source.ref.name)} in namespace "${entry.source.ref.namespace ?? ''}"`;
  if (inNamespace.length > 0) {
    const entry = inNamespace[0];
    return `${start}: ${define(entry)} defines ${JSON.stringify(entry.host)} but does not export it to ${namespacePhrase(sidecar.ref.namespace)} (exportTo ${JSON.stringify(entry.exportTo)}), so this entry imports nothing; `
      + 'export it to this namespace, or remove the host';
  }
  if (candidates.length > 0) {
    const entry = candidates[0];
    const where = parts.namespace === '.' ? namespacePhrase(sidecar.ref.namespace) : `namespace "${parts.namespace}"`;
    return `${start}: ${JSON.stringify(entry.host)} is defined by ${define(entry)}, not in ${where}, so this entry imports nothing; `
      + `write "${entry.source.ref.namespace ?? '*'}/${parts.dnsName}" (or "*/${parts.dnsName}")`;
  }
  return `${start} matches no Service or ServiceEntry in the input, so it imports nothing (and, with REGISTRY_ONLY, calls to ${JSON.stringify(parts.dnsName)} fail); `
    + 'fix the host name, add a ServiceEntry for it, or suppress this rule if it is registered outside this input';
}
