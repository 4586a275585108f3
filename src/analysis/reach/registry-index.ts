// The service registry of one snapshot, indexed for scope building: by host, by namespace, and
// by every suffix a wildcard egress host can name, so a listener's hosts are looked up rather
// than matched against every service (10k workloads over 10k services stays linear).
import { MeshSnapshot, RegistryHost } from '../snapshot';

export interface RegistryIndex {
  /** Every definition, in input order: istiod's creation order, which decides ties. */
  readonly all: readonly RegistryHost[];
  /** Position of each definition in `all`. */
  readonly order: ReadonlyMap<RegistryHost, number>;
  readonly byHost: ReadonlyMap<string, readonly RegistryHost[]>;
  readonly byNamespace: ReadonlyMap<string, readonly RegistryHost[]>;
  /** Definitions by each suffix `.example.com` that `*.example.com` covers (a wildcard host under its own suffix too). */
  readonly bySuffix: ReadonlyMap<string, readonly RegistryHost[]>;
  /** Host names visible from every namespace (some definition exported to "*"). */
  readonly publicHosts: ReadonlySet<string>;
  /** Definitions exported to named namespaces only, by each such namespace. */
  readonly byExportNamespace: ReadonlyMap<string, readonly RegistryHost[]>;
}

const indexes = new WeakMap<MeshSnapshot, RegistryIndex>();

export function registryIndex(mesh: MeshSnapshot): RegistryIndex {
  const cached = indexes.get(mesh);
  if (cached) return cached;
  const all = [...mesh.registry.values()].flat().sort((a, b) => a.source.index - b.source.index);
  const order = new Map(all.map((definition, i) => [definition, i]));
  const byNamespace = new Map<string, RegistryHost[]>();
  const bySuffix = new Map<string, RegistryHost[]>();
  const byExportNamespace = new Map<string, RegistryHost[]>();
  const publicHosts = new Set<string>();
  for (const definition of all) {
    push(byNamespace, definition.source.ref.namespace ?? '', definition);
    const host = definition.host;
    for (let dot = host.indexOf('.', host.startsWith('*.') ? 1 : 0); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      push(bySuffix, host.slice(dot), definition);
    }
    if (definition.exportTo.includes('*')) publicHosts.add(host);
    else for (const namespace of new Set(definition.exportTo)) push(byExportNamespace, namespace, definition);
  }
  const byHost = new Map<string, RegistryHost[]>();
  for (const definition of all) push(byHost, definition.host, definition);
  const index: RegistryIndex = { all, order, byHost, byNamespace, bySuffix, publicHosts, byExportNamespace };
  indexes.set(mesh, index);
  return index;
}

/** istiod's visibility: a definition is seen from `namespace` when its exportTo allows it. */
export function isExportedTo(definition: RegistryHost, namespace: string): boolean {
  for (const target of definition.exportTo) {
    if (target === '*' || target === namespace) return true;
  }
  return false;
}

/** How many distinct host names namespace `namespace` sees: what a scope is "N of". */
export function visibleHostCount(index: RegistryIndex, namespace: string): number {
  const count = index.publicHosts.size;
  const extra = new Set<string>();
  for (const definition of index.byExportNamespace.get(namespace) ?? []) {
    if (!index.publicHosts.has(definition.host)) extra.add(definition.host);
  }
  return count + extra.size;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
