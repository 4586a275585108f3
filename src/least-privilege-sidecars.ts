import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ManifestEntry } from './analysis/manifest';
import { declaredCallItems, declaredCalls } from './analysis/reach/declared-calls';
import { ANALYZED_KINDS, MeshSnapshot, WorkloadResource } from './analysis/snapshot';
import { CALLS_ANNOTATION, parseCallList } from './analysis/syntax/call';
import { WORKLOAD_KINDS, podMetadataOf } from './analysis/workloads';
import { EgressHost } from './egress-host';
import { EgressListenerOptions } from './egress-listener';
import { ALWAYS_IMPORTED, egressHostFor, egressHostList } from './generate/egress-plan';
import { IstioMesh } from './istio-mesh';
import { NamespaceDefaultSidecar } from './namespace-default-sidecar';
import { renderMemoized, withRenderMemo } from './render-memo';
import { cdk8sAppFrames } from './validation/synth-pass';
import { WorkloadSelector } from './workload-selector';
import { WorkloadSidecar } from './workload-sidecar';

/**
 * Properties of `LeastPrivilegeSidecars`.
 */
export interface LeastPrivilegeSidecarsProps {
  /**
   * Cover the workloads of the whole app rather than those of the construct's chart. The
   * Services and ServiceEntries the calls resolve against are always the whole app's.
   *
   * @default false
   */
  readonly appWide?: boolean;

  /**
   * What every generated Sidecar imports besides the declared calls. An empty list imports
   * nothing else (the proxy then cannot reach the control plane's Services).
   *
   * @default - `istio-system/*`, the control plane
   */
  readonly alwaysImport?: EgressHost[];

  /**
   * Also create, in each namespace of the covered workloads, a `NamespaceDefaultSidecar` that
   * imports what the namespace's covered workloads call (and `alwaysImport`), for the workloads
   * of the namespace that declare nothing. Turn it off when the namespace has a default already.
   *
   * @default true
   */
  readonly namespaceDefaults?: boolean;
}

/**
 * Least-privilege Sidecars from declared calls: one `WorkloadSidecar` per workload that declares
 * calls (its `cdk8s-istio-sidecar.io/calls` annotation, e.g. written with `WorkloadCalls`) whose
 * one catch-all egress listener imports exactly the hosts it calls, plus `istio-system/*`, and a
 * `NamespaceDefaultSidecar` per namespace importing what that namespace's workloads call.
 *
 * Each called host is imported from the namespace of the definition istiod would use for the
 * caller: `shop/cart.shop.svc.cluster.local` for a Service, `payments/api.stripe.com` for a
 * ServiceEntry of namespace `payments` (a wildcard ServiceEntry host such as `*.stripe.com` as
 * written). Short names resolve as the engine resolves them (`cart` is a Service of the caller's
 * namespace). A call to an external host that no ServiceEntry of the app defines imports nothing:
 * nothing could import it, and synth reports the call.
 *
 * Create it after the workloads (and after declaring which of them make calls): which workloads
 * get a Sidecar is decided when it is constructed. What the Sidecars import is computed when the
 * app is synthesized, so calls declared later, and Services or ServiceEntries added later, are
 * taken into account. A workload that declares calls only after this construct was created fails
 * synth with a message saying so, rather than being left out silently.
 *
 * ```ts
 * import { ApiObject, Chart } from 'cdk8s';
 * import { LeastPrivilegeSidecars, WorkloadCalls } from 'cdk8s-istio-sidecar';
 *
 * declare const chart: Chart;         // a chart with namespace "shop"
 * declare const frontend: ApiObject;  // a Deployment of the chart: a cdk8s-plus one, a KubeDeployment, ...
 * declare const cart: ApiObject;      // the Service "cart" of namespace shop
 * WorkloadCalls.of(frontend).toService(cart, 8080);
 * new LeastPrivilegeSidecars(chart, 'least-privilege');
 * ```
 */
export class LeastPrivilegeSidecars extends Construct {
  /** The generated Sidecars of the workloads, one per workload that declared calls. */
  public readonly workloadSidecars: WorkloadSidecar[];

  /** The generated namespace defaults, one per namespace (none with `namespaceDefaults: false`). */
  public readonly namespaceDefaultSidecars: NamespaceDefaultSidecar[];

  private readonly covered: ApiObject[];
  private readonly always: EgressHost[];
  private readonly coverage: IConstruct;
  /** The snapshot of the whole-app synth under way, for its output renders (see `snapshot`). */
  private synthSnapshot?: Snapshot;

  /**
   * @param scope the chart (or construct inside one) whose workloads are covered
   * @param id the construct id, unique within `scope`
   * @param props what else to import, and which workloads to cover
   * @throws if a covered workload that declares calls has no namespace
   */
  public constructor(scope: Construct, id: string, props: LeastPrivilegeSidecarsProps = {}) {
    super(scope, id);
    // Why the set of Sidecars is fixed here and only their content is lazy: cdk8s has no
    // Aspects and no prepare phase, and its synth validates a list of constructs captured before
    // validation starts, so constructs created during synth would escape their own validation and,
    // depending on the order of the app's children, the mesh's. The CDK way is a construct tree
    // complete after construction, with values (here the egress hosts) resolved late through
    // Lazy; the validation below turns "created too early" into a message instead of a gap.
    IstioMesh.of(this);
    this.always = [...(props.alwaysImport ?? ALWAYS_IMPORTED.map((h) => EgressHost.parse(h)))];
    this.coverage = props.appWide ? this.node.root : Chart.of(this);
    this.covered = this.coverage.node.findAll()
      .filter((c): c is ApiObject => ApiObject.isApiObject(c) && WORKLOAD_KINDS.has(c.kind) && declaresCalls(c));
    const self = this;
    const names = new Map<string, number>();
    for (const workload of this.covered) {
      const key = `${workload.metadata.namespace}/${workload.name}`;
      names.set(key, (names.get(key) ?? 0) + 1);
    }
    this.workloadSidecars = this.covered.map((workload) => {
      const namespace = workload.metadata.namespace;
      if (namespace === undefined) {
        throw new Error(
          `LeastPrivilegeSidecars at "${this.node.path}": the workload "${workload.node.path}" declares calls but has no namespace, `
          + 'so its short Service names cannot be resolved; give its chart a namespace, or set metadata.namespace',
        );
      }
      const clash = (names.get(`${namespace}/${workload.name}`) ?? 0) > 1;
      const name = clash ? `${workload.name}-${workload.kind.toLowerCase()}` : workload.name;
      const listener: EgressListenerOptions = { get hosts() { return self.hostsOf([workload]); } };
      return new WorkloadSidecar(this, `${namespace}.${workload.kind}.${workload.name}`, {
        metadata: { name, namespace },
        workloadSelector: WorkloadSelector.fromWorkload(workload),
        egress: [listener],
      });
    });
    // No namespace default in the root namespace: a Sidecar without a selector there is the
    // mesh-wide default, and would tighten every namespace that has none of its own.
    const rootNamespace = IstioMesh.of(this).rootNamespace;
    const namespaces = [...new Set(this.covered.map((w) => w.metadata.namespace as string))].filter((ns) => ns !== rootNamespace).sort();
    this.namespaceDefaultSidecars = props.namespaceDefaults === false ? [] : namespaces.map((namespace) => {
      const members = this.covered.filter((w) => w.metadata.namespace === namespace);
      const listener: EgressListenerOptions = { get hosts() { return self.hostsOf(members); } };
      return new NamespaceDefaultSidecar(this, `${namespace}.default`, { metadata: { namespace }, egress: [listener] });
    });
    this.node.addValidation({
      validate: () => {
        // Every whole-app synth validates before it renders its output: start afresh.
        this.synthSnapshot = undefined;
        return this.lateWorkloads();
      },
    });
  }

  /** The egress hosts that import what `workloads` call, and the always-imported ones. */
  private hostsOf(workloads: readonly ApiObject[]): EgressHost[] {
    const { mesh, resources } = this.snapshot();
    const called: string[] = [];
    for (const workload of workloads) {
      const resource = resources.get(workload);
      if (!resource) continue;
      const namespace = resource.ref.namespace ?? '';
      for (const call of declaredCalls(mesh, resource)) {
        const host = egressHostFor(mesh, namespace, call.host);
        if (host !== undefined) called.push(host);
      }
    }
    const always = this.always.map((h) => h.toString());
    return egressHostList(called, always).map((h) => always.includes(h) ? this.always[always.indexOf(h)] : EgressHost.parse(h));
  }

  /**
   * The app as the engine reads it. Sidecars stand in with their metadata only: their egress is
   * not needed to resolve calls, and ours is being computed.
   */
  private snapshot(): Snapshot {
    // Each of our Sidecars needs the same snapshot, and rendering the app once per Sidecar is
    // quadratic. Two places where the app cannot change share one:
    // - one collection of the app (the synth validation renders every Sidecar): memoized under
    //   this construct, which is never rendered itself, so no object's rendering is shadowed;
    // - the output renders of one whole-app synth (after its validation, which reset the cache,
    //   only cdk8s runs), told apart by the call stack as the app validation tells its passes.
    // Anywhere else (a chart.toJson() of user code) it is computed afresh every time.
    return renderMemoized(this as unknown as ApiObject, () => {
      if (!inWholeAppSynthOutput()) return this.takeSnapshot();
      return this.synthSnapshot ??= this.takeSnapshot();
    });
  }

  private takeSnapshot(): Snapshot {
    return withRenderMemo(() => {
      const entries: ManifestEntry[] = [];
      const objects: ApiObject[] = [];
      for (const construct of this.node.root.node.findAll()) {
        if (!ApiObject.isApiObject(construct) || !ANALYZED_KINDS.has(construct.kind)) continue;
        const manifest = construct.kind === 'Sidecar'
          ? { apiVersion: construct.apiVersion, kind: construct.kind, metadata: { name: construct.name, namespace: construct.metadata.namespace } }
          : renderMemoized(construct, () => construct.toJson());
        entries.push({ manifest, location: construct.node.path });
        objects.push(construct);
      }
      const istio = IstioMesh.of(this);
      const mesh = new MeshSnapshot(entries, { rootNamespace: istio.rootNamespace, clusterDomain: istio.clusterDomain });
      const resources = new Map<ApiObject, WorkloadResource>();
      for (const workload of mesh.workloads) resources.set(objects[workload.index], workload);
      return { mesh, resources };
    });
  }

  /** Workloads of the covered scope that declare calls now but were not covered when this was created. */
  private lateWorkloads(): string[] {
    const covered = new Set(this.covered);
    return withRenderMemo(() => this.coverage.node.findAll()
      .filter((c): c is ApiObject => ApiObject.isApiObject(c) && WORKLOAD_KINDS.has(c.kind) && !covered.has(c) && declaresCalls(c))
      .map((workload) => `the workload "${workload.node.path}" declares calls (${CALLS_ANNOTATION}) but has no generated Sidecar: `
        + 'it, or its calls, came after this LeastPrivilegeSidecars was created; create LeastPrivilegeSidecars after the workloads and their WorkloadCalls'));
  }
}

interface Snapshot {
  readonly mesh: MeshSnapshot;
  readonly resources: Map<ApiObject, WorkloadResource>;
}

/**
 * Called from the output rendering of `App.synth()` or `App.synthYaml()`, not from a validation:
 * between the validation of a whole-app synth and its end only cdk8s runs. Where the stack cannot
 * be read (a bundler renamed cdk8s's file), false: computed afresh, never stale.
 */
function inWholeAppSynthOutput(): boolean {
  // The innermost cdk8s frame decides: a validation, or the synth rendering its charts.
  for (const name of cdk8sAppFrames()) {
    if (name === 'validate') return false;
    if (name === 'synth' || name === 'synthYaml') return true;
  }
  return false;
}

/** The workload declares calls now: on its object, or on its pod template. */
function declaresCalls(workload: ApiObject): boolean {
  // The object's own annotation (where WorkloadCalls writes) is read without rendering it: a
  // workload may not render yet (a cdk8s-plus Deployment whose containers come later).
  const own: unknown = workload.metadata.toJson().annotations?.[CALLS_ANNOTATION];
  if (typeof own === 'string' && parseCallList(own).some((item) => 'call' in item)) return true;
  let manifest;
  try {
    manifest = renderMemoized(workload, () => workload.toJson());
  } catch {
    return false;
  }
  const pod = podMetadataOf(manifest);
  if (!pod) return false;
  return declaredCallItems({ index: 0, entry: { manifest }, manifest, ref: { apiVersion: '', kind: workload.kind, name: workload.name }, suppressions: [], pod })
    .some((item) => 'call' in item.item);
}
