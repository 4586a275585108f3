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
const NO_SIDECARS: readonly SidecarResource[] = [];

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
    const matching = matchingByWorkload.get(workload)?.sort(compareSidecarAge) ?? NO_SIDECARS;
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
  matching: readonly SidecarResource[],
  defaultOf: (namespace: string | undefined) => SidecarResource | undefined,
): WorkloadSelection {
  const namespace = workload.ref.namespace;
  const notApplicable = (why: Why) => new Selection(mesh, workload, undefined, SelectionVia.NOT_APPLICABLE, matching, why);
  if (isGatewayPod(workload.pod)) return notApplicable('gateway');
  if (optsOutOfInjection(workload.pod)) return notApplicable('injection-off');
  if (mesh.disablesInjection(namespace) && workload.pod.labels['sidecar.istio.io/inject'] !== 'true') return notApplicable('namespace-injection-off');
  if (isAmbientPod(workload.pod)) return notApplicable('ambient-pod');
  if (mesh.isAmbientNamespace(namespace)) return notApplicable('ambient-namespace');

  if (matching.length > 0) return new Selection(mesh, workload, matching[0], SelectionVia.SELECTOR, matching, 'selector');
  const namespaceDefault = defaultOf(namespace);
  if (namespaceDefault) return new Selection(mesh, workload, namespaceDefault, SelectionVia.NAMESPACE_DEFAULT, matching, 'namespace-default');
  const rootDefault = defaultOf(mesh.rootNamespace);
  if (rootDefault) return new Selection(mesh, workload, rootDefault, SelectionVia.ROOT_DEFAULT, matching, 'root-default');
  return new Selection(mesh, workload, undefined, SelectionVia.BUILTIN_DEFAULT, matching, 'builtin-default');
}

type Why = 'gateway' | 'injection-off' | 'namespace-injection-off' | 'ambient-pod' | 'ambient-namespace' | 'selector' | 'namespace-default' | 'root-default' | 'builtin-default';

// One per workload: the reason is worded when read (by explain, reach and a few messages), not
// kept as a string for each of 100k workloads.
class Selection implements WorkloadSelection {
  constructor(
    private readonly mesh: MeshSnapshot,
    public readonly workload: WorkloadResource,
    public readonly sidecar: SidecarResource | undefined,
    public readonly via: SelectionVia,
    public readonly matching: readonly SidecarResource[],
    private readonly why: Why,
  ) {}

  public get reason(): string {
    const namespace = this.workload.ref.namespace;
    switch (this.why) {
      case 'gateway': return 'its pods are gateways: a gateway proxy never reads Sidecar resources';
      case 'injection-off': return 'its pods disable sidecar injection (sidecar.istio.io/inject: "false")';
      case 'namespace-injection-off': return `namespace "${namespace}" disables sidecar injection (istio-injection: disabled)`;
      case 'ambient-pod': return 'its pods are captured by ambient mode, which has no sidecar proxy';
      case 'ambient-namespace': return `namespace "${namespace}" runs in ambient mode, which has no sidecar proxy`;
      case 'selector': {
        const others = this.matching.length > 1 ? `; it is the oldest of ${this.matching.length} matching Sidecars, the others are ignored` : '';
        return `its workloadSelector matches the pod labels${others}`;
      }
      case 'namespace-default': return `no Sidecar with a matching workloadSelector; it is the Sidecar without a selector in namespace "${namespace}"`;
      case 'root-default': return `namespace "${namespace}" has no Sidecar that applies; it is the mesh-wide default in the root namespace "${this.mesh.rootNamespace}"`;
      case 'builtin-default': return `no Sidecar applies and the root namespace "${this.mesh.rootNamespace}" has no Sidecar without a selector: istiod's built-in default (egress to every host exported to the namespace)`;
    }
  }
}
