// What the mesh rules share: how a Sidecar's selector reads, istiod's order, and how messages
// name objects. Everything here is O(1) or linear in what it is given.
import { Labels } from '../../label-index';
import { compareSidecarAge } from '../../selection';
import { sidecarView } from '../../sidecar-view';
import { AnyResource, MeshSnapshot, SidecarResource, WorkloadResource } from '../../snapshot';
import { isAmbientPod } from '../../workloads';

/** istioctl analyze and Kiali count a missing selector and an empty one as namespace-wide. */
export function isNamespaceWide(sidecar: SidecarResource): boolean {
  const form = sidecarView(sidecar).selectorForm;
  return form === 'absent' || form === 'empty';
}

/**
 * istiod's order within a namespace: Sidecars with a `workloadSelector` field (even `{}`) first,
 * then oldest first (creationTimestamp, name, namespace, input position).
 */
export function compareIstiodOrder(a: SidecarResource, b: SidecarResource): number {
  if (a.hasSelectorField !== b.hasSelectorField) return a.hasSelectorField ? -1 : 1;
  return compareSidecarAge(a, b);
}

/** The namespaces that hold at least one Sidecar (undefined: Sidecars without one), in input order. */
export function sidecarNamespaces(mesh: MeshSnapshot): Array<string | undefined> {
  return [...new Set(mesh.sidecars.map((s) => s.ref.namespace))];
}

/** The workload's pods run without a sidecar proxy because ambient mode captures them. */
export function isAmbientWorkload(mesh: MeshSnapshot, workload: WorkloadResource): boolean {
  return isAmbientPod(workload.pod) || mesh.isAmbientNamespace(workload.ref.namespace);
}

/** `namespace "shop"`, or what an unset namespace means. */
export function namespacePhrase(namespace: string | undefined): string {
  return namespace === undefined || namespace === '' ? 'the namespace kubectl picks at apply time (metadata.namespace is not set)' : `namespace "${namespace}"`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`; past `max` names, `... and 4 more`. */
export function nameList(names: readonly string[], max = 5): string {
  return phraseList(names.map((n) => JSON.stringify(n)), max);
}

/** `Deployment "ratings"`, `Pod "p" and Deployment "d"`: objects of mixed kinds. */
export function objectList(resources: readonly AnyResource[], max = 5): string {
  return phraseList(resources.map((r) => `${r.ref.kind || 'object'} ${JSON.stringify(r.ref.name)}`), max);
}

/** A selector as a Kubernetes label selector string: `app=ratings,version=v1`. */
export function selectorString(labels: Labels): string {
  return Object.keys(labels).sort().map((key) => `${key}=${labels[key]}`).join(',');
}

/**
 * How a message names each of `resources`: `"ratings"`, or, for a name two of them share,
 * `"default" (at charts/shop/default)`, so that a message never reads `"default" and "default"`.
 */
export function distinctNames(resources: readonly AnyResource[]): string[] {
  const count = new Map<string, number>();
  for (const r of resources) count.set(r.ref.name, (count.get(r.ref.name) ?? 0) + 1);
  const places = distinctPlaces(resources);
  return resources.map((r, i) => ((count.get(r.ref.name) ?? 0) > 1 ? `${JSON.stringify(r.ref.name)} (at ${places[i]})` : JSON.stringify(r.ref.name)));
}

/**
 * Where each of `resources` came from: its construct path or file, with its position in the
 * input where that is not enough to tell it from another (two objects of one file).
 */
export function distinctPlaces(resources: readonly AnyResource[]): string[] {
  const count = new Map<string | undefined, number>();
  for (const r of resources) count.set(r.entry.location, (count.get(r.entry.location) ?? 0) + 1);
  return resources.map((r) => {
    const position = `input object #${r.index + 1}`;
    if (r.entry.location === undefined) return position;
    return (count.get(r.entry.location) ?? 0) > 1 ? `${r.entry.location}, ${position}` : r.entry.location;
  });
}

/** `"a"`, `"a" and "b"`: names already quoted (see `distinctNames`). */
export function phraseList(quoted: readonly string[], max = 5): string {
  const shown = quoted.slice(0, max);
  if (quoted.length > max) return `${shown.join(', ')} and ${quoted.length - max} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `networking.istio.io` of `networking.istio.io/v1`; '' for the core group (`v1`). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * What the API server identifies an object by: its API group (not version: networking.istio.io/v1
 * and /v1beta1 are one object), kind, namespace (none for a Namespace) and name.
 */
export function objectIdentity(resource: AnyResource): string {
  const { apiVersion, kind, namespace, name } = resource.ref;
  const group = apiGroupOf(apiVersion);
  const ns = namespaceKey(kind, namespace);
  // Each part after its length: unambiguous whatever the names hold.
  return `${group.length}:${group}${kind.length}:${kind}${ns.length}:${ns}${name.length}:${name}`;
}

/**
 * The namespace part of an object's identity: none for a Namespace, and an unset namespace kept
 * apart from `namespace: ""` (a NUL, which no namespace name holds), as the input writes them.
 */
export function namespaceKey(kind: string, namespace: string | undefined): string {
  return kind === 'Namespace' ? '' : namespace ?? '\u0000';
}

/**
 * The objects are all one object of the cluster, given twice: X-DUPLICATE-OBJECT reports them,
 * and a conflict among them is not one (kubectl keeps only one of them).
 */
export function allOneObject(resources: readonly AnyResource[]): boolean {
  const first = objectIdentity(resources[0]);
  return resources.every((r) => objectIdentity(r) === first);
}
