import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { ANALYZED_KINDS, AnyResource } from '../../snapshot';
import { meshSidecar } from '../support/mesh-examples';
import { apiGroupOf, distinctPlaces, namespaceKey, namespacePhrase, phraseList } from '../support/mesh-helpers';

// The kinds the engine reads (ANALYZED_KINDS): a duplicate of any of them changes what the other
// rules judge.

// O(n): one pass keys every object by what the API server identifies it by.
/** The map under `key`, made on first use. */
function level<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let next = map.get(key);
  if (!next) map.set(key, next = new Map());
  return next;
}

export const duplicateObject: MeshRule = {
  id: 'X-DUPLICATE-OBJECT',
  scope: 'mesh',
  concerns: [...ANALYZED_KINDS],
  severity: Severity.ERROR,
  title: 'No two objects of the input have the same kind, namespace and name',
  why: 'The API server holds one object per kind, namespace and name: kubectl applies the second over the first (two charts that each define the "default" Sidecar of a namespace, for example), so only the last one applied exists in the cluster and the other is silently lost. The conflict rules do not count such copies as two Sidecars.',
  fix: 'Rename all but one of them, or merge them into one object.',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'None: two objects of the input with one kind, namespace and name collide whatever else the cluster holds. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('shop', 'default'), meshSidecar('shop', 'default')],
    passing: [meshSidecar('shop', 'default'), meshSidecar('cart', 'default')],
  },
  check(mesh, report) {
    // Keyed level by level (API group, kind, namespace, name) rather than by one built string:
    // no string per object, and each level's map is small. Lists exist only for duplicates.
    const firstOf = new Map<string, Map<string, Map<string, Map<string, AnyResource>>>>();
    const byIdentity = new Map<AnyResource, AnyResource[]>();
    for (const resource of mesh.resources) {
      const { apiVersion, kind, namespace, name } = resource.ref;
      if (!ANALYZED_KINDS.has(kind) || name === '') continue;
      const byKind = level(firstOf, apiGroupOf(apiVersion));
      const byNamespace = level(byKind, kind);
      const byName = level(byNamespace, namespaceKey(kind, namespace));
      const first = byName.get(name);
      if (first === undefined) {
        byName.set(name, resource);
        continue;
      }
      const same = byIdentity.get(first);
      if (same) same.push(resource);
      else byIdentity.set(first, [first, resource]);
    }
    for (const [first, ...others] of byIdentity.values()) {
      if (others.length === 0) continue;
      const { kind, namespace, name } = first.ref;
      const where = kind === 'Namespace' ? '' : ` in ${namespacePhrase(namespace)}`;
      report(first,
        `${kind} ${JSON.stringify(name)}${where} is defined ${others.length + 1} times in the input (at ${phraseList(distinctPlaces([first, ...others]))}): `
        + 'kubectl applies one over the other, so only the last one applied exists in the cluster and the others are lost; rename all but one of them, or merge them into one',
        { related: others });
    }
  },
};
