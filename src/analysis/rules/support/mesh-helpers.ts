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
  const quoted = names.slice(0, max).map((n) => JSON.stringify(n));
  if (names.length > max) return `${quoted.join(', ')} and ${names.length - max} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `Deployment "ratings"`, `Pod "p" and Deployment "d"`: objects of mixed kinds. */
export function objectList(resources: readonly AnyResource[], max = 5): string {
  const named = resources.slice(0, max).map((r) => `${r.ref.kind || 'object'} ${JSON.stringify(r.ref.name)}`);
  if (resources.length > max) return `${named.join(', ')} and ${resources.length - max} more`;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/** A selector as a Kubernetes label selector string: `app=ratings,version=v1`. */
export function selectorString(labels: Labels): string {
  return Object.keys(labels).sort().map((key) => `${key}=${labels[key]}`).join(',');
}
