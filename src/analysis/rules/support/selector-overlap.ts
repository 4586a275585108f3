import { compareSidecarAge, selectSidecars } from '../../selection';
import { SelectionVia } from '../../selection-via';
import { sidecarView } from '../../sidecar-view';
import { MeshSnapshot, SidecarResource, WorkloadResource } from '../../snapshot';

/** Sidecars with labels in their selector that all select the pods of the same workloads. */
export interface SharedPods {
  /** In istiod's order: the first is the one istiod applies, unless `winner` is another. */
  readonly sidecars: readonly SidecarResource[];
  /** The Sidecar istiod applies to these pods: the first, or an older one with an empty selector. */
  readonly winner: SidecarResource;
  /** The workloads whose pods read Sidecars (not ambient, gateways or injection off). */
  readonly workloads: readonly WorkloadResource[];
  /** Workloads matched whose pods read no Sidecar: the overlap shows, but is harmless. */
  readonly inertWorkloads: readonly WorkloadResource[];
}

const sharedCache = new WeakMap<MeshSnapshot, readonly SharedPods[]>();

/**
 * The overlaps the input's workloads show, one entry per set of Sidecars selecting the same
 * pods. Linear in the workloads' matching lists, which selection computed once.
 */
export function sharedPods(mesh: MeshSnapshot): readonly SharedPods[] {
  const cached = sharedCache.get(mesh);
  if (cached) return cached;
  type Group = { sidecars: SidecarResource[]; winner: SidecarResource; workloads: WorkloadResource[]; inertWorkloads: WorkloadResource[] };
  const groups = new Map<string, Group>();
  for (const selection of selectSidecars(mesh).workloads) {
    // `matching` is in istiod's order; empty selectors are X-EMPTY-SELECTOR-PRECEDENCE's business.
    const sidecars = selection.matching.filter((s) => sidecarView(s).selectorForm === 'labels');
    if (sidecars.length < 2) continue;
    const key = sidecars.map((s) => s.index).join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, group = { sidecars, winner: selection.matching[0], workloads: [], inertWorkloads: [] });
    (selection.via === SelectionVia.NOT_APPLICABLE ? group.inertWorkloads : group.workloads).push(selection.workload);
  }
  const result = [...groups.values()];
  sharedCache.set(mesh, result);
  return result;
}

/**
 * How two label selectors can select one pod. "first" comes first in istiod's order.
 * - identical: the same labels;
 * - first-broader / second-broader: one's labels are a subset of the other's, so it selects
 *   every pod the other one does;
 * - compatible: no label key with different values, so a pod carrying both sets matches both.
 */
export interface SelectorOverlap {
  readonly first: SidecarResource;
  readonly second: SidecarResource;
  readonly kind: 'identical' | 'first-broader' | 'second-broader' | 'compatible';
}

interface KeySetGroup {
  readonly keys: readonly string[];
  readonly members: SidecarResource[];
}

/**
 * Every pair of the given (non-empty, well-formed) selectors that can select one pod.
 *
 * Selectors are grouped by their set of label keys (g groups). Two selectors can overlap exactly
 * when they agree on the keys they share, so for each pair of groups one side is bucketed by its
 * values on the shared keys and the other side only meets its own bucket:
 * O(n·g + pairs reported) instead of every pair. Real meshes use a handful of key sets
 * (`app`, `app`+`version`, ...), so this is near-linear.
 */
export function overlappingSelectors(sidecars: readonly SidecarResource[]): SelectorOverlap[] {
  const groups = new Map<string, KeySetGroup>();
  for (const sidecar of sidecars) {
    const keys = Object.keys(sidecar.selectorLabels).sort();
    const signature = JSON.stringify(keys);
    const group = groups.get(signature);
    if (group) group.members.push(sidecar);
    else groups.set(signature, { keys, members: [sidecar] });
  }
  const list = [...groups.values()];
  const result: SelectorOverlap[] = [];
  list.forEach((a, i) => {
    for (const bucket of bucketBy(a.members, a.keys).values()) {
      bucket.forEach((s, j) => bucket.slice(j + 1).forEach((t) => result.push(ordered(s, t, 'identical'))));
    }
    for (const b of list.slice(i + 1)) {
      const inB = new Set(b.keys);
      const shared = a.keys.filter((key) => inB.has(key));
      // Different key sets: at most one of them is the shared set, i.e. a subset of the other.
      const broader = shared.length === a.keys.length ? 'a' : shared.length === b.keys.length ? 'b' : undefined;
      const buckets = bucketBy(a.members, shared);
      for (const t of b.members) {
        for (const s of buckets.get(projection(t, shared)) ?? []) {
          result.push(ordered(s, t, broader === 'a' ? 'subset' : broader === 'b' ? 'superset' : 'compatible'));
        }
      }
    }
  });
  return result;
}

function bucketBy(members: readonly SidecarResource[], keys: readonly string[]): Map<string, SidecarResource[]> {
  const buckets = new Map<string, SidecarResource[]>();
  for (const member of members) {
    const value = projection(member, keys);
    const bucket = buckets.get(value);
    if (bucket) bucket.push(member);
    else buckets.set(value, [member]);
  }
  return buckets;
}

function projection(sidecar: SidecarResource, keys: readonly string[]): string {
  return JSON.stringify(keys.map((key) => sidecar.selectorLabels[key]));
}

/** `relation` says how `s`'s labels relate to `t`'s: a subset of them makes `s` the broader one. */
function ordered(s: SidecarResource, t: SidecarResource, relation: 'identical' | 'subset' | 'superset' | 'compatible'): SelectorOverlap {
  const sFirst = compareSidecarAge(s, t) <= 0;
  const [first, second] = sFirst ? [s, t] : [t, s];
  if (relation === 'identical' || relation === 'compatible') return { first, second, kind: relation };
  const sBroader = relation === 'subset';
  return { first, second, kind: sBroader === sFirst ? 'first-broader' : 'second-broader' };
}
