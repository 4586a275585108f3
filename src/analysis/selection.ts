import { SelectionVia } from './selection-via';
import { MeshSnapshot, SidecarResource, WorkloadResource } from './snapshot';
import { isAmbientPod, isGatewayPod, optsOutOfInjection } from './workloads';

/** Which Sidecar istiod applies to one workload, and why. */
export interface WorkloadSelection {
  readonly workload: WorkloadResource;
  readonly sidecar?: SidecarResource;
  readonly via: SelectionVia;
  readonly reason: string;
  /** Every selector Sidecar in the namespace that matches, in istiod's order (the first wins). */
  readonly matching: readonly SidecarResource[];
}

/** The outcome of selection for the whole input, computed once per snapshot. */
export interface MeshSelection {
  /** One entry per workload, in input order. */
  readonly workloads: readonly WorkloadSelection[];
  /** The workloads each selector Sidecar matches in its own namespace. */
  readonly matchedBy: ReadonlyMap<SidecarResource, readonly WorkloadResource[]>;
}

/**
 * istiod's order among Sidecars: oldest `creationTimestamp` first (objects without one count as
 * not yet created, so newest), then name, then namespace, then input position.
 */
export function compareSidecarAge(a: SidecarResource, b: SidecarResource): number {
  const ta = a.createdAt ?? Number.POSITIVE_INFINITY;
  const tb = b.createdAt ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return compareStrings(a.ref.name, b.ref.name)
    || compareStrings(a.ref.namespace ?? '', b.ref.namespace ?? '')
    || a.index - b.index;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const cache = new WeakMap<MeshSnapshot, MeshSelection>();

/** Decides, for every workload of the input, which Sidecar istiod applies. */
export function selectSidecars(mesh: MeshSnapshot): MeshSelection {
  const cached = cache.get(mesh);
  if (cached) return cached;

  const matchedBy = new Map<SidecarResource, WorkloadResource[]>();
  const matchingByWorkload = new Map<WorkloadResource, SidecarResource[]>();
  for (const sidecar of mesh.sidecars) {
    if (!sidecar.hasSelectorField) continue;
    const matched = mesh.workloadsMatching(sidecar.ref.namespace, sidecar.selectorLabels);
    matchedBy.set(sidecar, [...matched]);
    for (const workload of matched) {
      const list = matchingByWorkload.get(workload);
      if (list) list.push(sidecar);
      else matchingByWorkload.set(workload, [sidecar]);
    }
  }
  // The namespace default is looked up once per namespace, not once per workload.
  const defaults = new Map<string | undefined, SidecarResource | undefined>();
  const defaultOf = (namespace: string | undefined) => {
    if (!defaults.has(namespace)) defaults.set(namespace, oldestSelectorless(mesh, namespace));
    return defaults.get(namespace);
  };
  const workloads = mesh.workloads.map((workload) => {
    const matching = (matchingByWorkload.get(workload) ?? []).sort(compareSidecarAge);
    return selectFor(mesh, workload, matching, defaultOf);
  });

  const result: MeshSelection = { workloads, matchedBy };
  cache.set(mesh, result);
  return result;
}

function oldestSelectorless(mesh: MeshSnapshot, namespace: string | undefined): SidecarResource | undefined {
  const candidates = mesh.sidecarsIn(namespace).filter((s) => !s.hasSelectorField);
  return candidates.sort(compareSidecarAge)[0];
}

function selectFor(
  mesh: MeshSnapshot,
  workload: WorkloadResource,
  matching: SidecarResource[],
  defaultOf: (namespace: string | undefined) => SidecarResource | undefined,
): WorkloadSelection {
  const namespace = workload.ref.namespace;
  const notApplicable = (reason: string): WorkloadSelection => ({ workload, via: SelectionVia.NOT_APPLICABLE, reason, matching });
  if (isGatewayPod(workload.pod)) return notApplicable('its pods are gateways: a gateway proxy never reads Sidecar resources');
  if (optsOutOfInjection(workload.pod)) return notApplicable('its pods disable sidecar injection (sidecar.istio.io/inject: "false")');
  if (mesh.disablesInjection(namespace) && workload.pod.labels['sidecar.istio.io/inject'] !== 'true') {
    return notApplicable(`namespace "${namespace}" disables sidecar injection (istio-injection: disabled)`);
  }
  if (isAmbientPod(workload.pod)) return notApplicable('its pods are captured by ambient mode, which has no sidecar proxy');
  if (mesh.isAmbientNamespace(namespace)) return notApplicable(`namespace "${namespace}" runs in ambient mode, which has no sidecar proxy`);

  if (matching.length > 0) {
    const others = matching.length > 1 ? `; it is the oldest of ${matching.length} matching Sidecars, the others are ignored` : '';
    return { workload, sidecar: matching[0], via: SelectionVia.SELECTOR, matching, reason: `its workloadSelector matches the pod labels${others}` };
  }
  const namespaceDefault = defaultOf(namespace);
  if (namespaceDefault) {
    return { workload, sidecar: namespaceDefault, via: SelectionVia.NAMESPACE_DEFAULT, matching, reason: `no Sidecar with a matching workloadSelector; it is the Sidecar without a selector in namespace "${namespace}"` };
  }
  const rootDefault = defaultOf(mesh.rootNamespace);
  if (rootDefault) {
    return { workload, sidecar: rootDefault, via: SelectionVia.ROOT_DEFAULT, matching, reason: `namespace "${namespace}" has no Sidecar that applies; it is the mesh-wide default in the root namespace "${mesh.rootNamespace}"` };
  }
  return { workload, via: SelectionVia.BUILTIN_DEFAULT, matching, reason: `no Sidecar applies and the root namespace "${mesh.rootNamespace}" has no Sidecar without a selector: istiod's built-in default (egress to every host exported to the namespace)` };
}
