import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { ANALYZED_KINDS, AnyResource } from '../../snapshot';
import { meshSidecar } from '../support/mesh-examples';
import { distinctPlaces, namespacePhrase, objectIdentity, phraseList } from '../support/mesh-helpers';

// The kinds the engine reads (ANALYZED_KINDS): a duplicate of any of them changes what the other
// rules judge.

// O(n): one pass keys every object by what the API server identifies it by.
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
    // The first object of each identity, and the lists of those seen more than once: one map
    // entry per object, no list per object.
    const firstOf = new Map<string, AnyResource>();
    const byIdentity = new Map<string, AnyResource[]>();
    for (const resource of mesh.resources) {
      if (!ANALYZED_KINDS.has(resource.ref.kind) || resource.ref.name === '') continue;
      const key = objectIdentity(resource);
      const first = firstOf.get(key);
      if (first === undefined) {
        firstOf.set(key, resource);
        continue;
      }
      const same = byIdentity.get(key);
      if (same) same.push(resource);
      else byIdentity.set(key, [first, resource]);
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
