// The calls a workload declares in its `cdk8s-istio-sidecar.io/calls` annotation (on the object,
// or on its pod template), read and resolved to the host names the registry uses. A name is
// resolved as the pod's DNS search path would: "reviews" is a Service of the caller's namespace,
// "reviews.bookinfo" one of namespace bookinfo when the input has that Service or namespace
// (else it is an external host of two labels), a name ending in ".svc" gets the cluster domain.
import { fieldPath, objectAt, stringAt } from '../manifest';
import { MeshSnapshot, WorkloadResource } from '../snapshot';
import { CALLS_ANNOTATION, CallEntry, CallItem, parseCallList } from '../syntax/call';
import { podMetadataPath } from '../workloads';

/** One entry of a workload's annotation, with where it is. */
export interface DeclaredCallItem {
  readonly item: CallItem;
  /** e.g. `spec.template.metadata.annotations["cdk8s-istio-sidecar.io/calls"]`. */
  readonly path: string;
}

/** A well-formed declared call, resolved. */
export interface DeclaredCall {
  readonly entry: CallEntry;
  /** The entry as written, trimmed. */
  readonly text: string;
  readonly path: string;
  /** The host name as the registry names it, e.g. `reviews.bookinfo.svc.cluster.local`. */
  readonly host: string;
}

/** Every entry of the workload's annotations (the object's, then its pod template's), in order. */
export function declaredCallItems(workload: WorkloadResource): DeclaredCallItem[] {
  const places: string[][] = [['metadata']];
  const podPath = podMetadataPath(workload.ref.kind);
  if (podPath && podPath.join('.') !== 'metadata') places.push([...podPath]);
  const result: DeclaredCallItem[] = [];
  for (const place of places) {
    let metadata = workload.manifest as ReturnType<typeof objectAt>;
    for (const key of place) metadata = objectAt(metadata, key);
    const value = stringAt(objectAt(metadata, 'annotations'), CALLS_ANNOTATION);
    if (value === undefined) continue;
    const path = fieldPath(fieldPath(place.join('.'), 'annotations'), CALLS_ANNOTATION);
    for (const item of parseCallList(value)) result.push({ item, path });
  }
  return result;
}

const calls = new WeakMap<WorkloadResource, readonly DeclaredCall[]>();

/** The workload's well-formed calls, resolved, each once (the first place that names it). */
export function declaredCalls(mesh: MeshSnapshot, workload: WorkloadResource): readonly DeclaredCall[] {
  const cached = calls.get(workload);
  if (cached) return cached;
  const seen = new Set<string>();
  const result: DeclaredCall[] = [];
  for (const { item, path } of declaredCallItems(workload)) {
    if (!('call' in item)) continue;
    const host = declaredCallTarget(mesh, item.call.host, workload.ref.namespace ?? '');
    const key = `${host}:${item.call.port ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ entry: item.call, text: item.text.trim(), path, host });
  }
  calls.set(workload, result);
  return result;
}

/** The registry name of a called host, from the caller's namespace. */
export function declaredCallTarget(mesh: MeshSnapshot, host: string, callerNamespace: string): string {
  const labels = host.split('.');
  const domain = mesh.clusterDomain;
  // A caller without a namespace has no search path to resolve a short name with: the host stays
  // as written (X-NAMESPACE-UNSET reports the missing namespace).
  if (labels.length === 1) return callerNamespace === '' ? host : `${host}.${callerNamespace}.svc.${domain}`;
  if (labels.length === 3 && labels[2] === 'svc') return `${host}.${domain}`;
  if (labels.length === 2) {
    const asService = `${host}.svc.${domain}`;
    if (mesh.registry.has(asService) || mesh.showsNamespace(labels[1])) return asService;
  }
  return host;
}
