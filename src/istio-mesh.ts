import { Construct, IConstruct, Node } from 'constructs';
import { Finding } from './analysis/finding';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE } from './analysis/snapshot';
import { fqdnProblem, namespaceNameProblem } from './analysis/syntax';
import { SidecarApiVersion } from './api-version';
import { AppValidation } from './validation/app-validation';

/**
 * Mesh-wide settings for every Sidecar in the app.
 */
export interface IstioMeshProps {
  /**
   * The mesh's root namespace (MeshConfig `rootNamespace`). A Sidecar without a
   * `workloadSelector` in this namespace is the default for every namespace that has none.
   *
   * Must match the mesh's actual configuration, or mesh-wide defaults are misjudged.
   * Fixed once a `MeshDefaultSidecar` is constructed: configure it before defining one.
   *
   * @default 'istio-system'
   * @see https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/#MeshConfig
   */
  readonly rootNamespace?: string;

  /**
   * The `apiVersion` of every Sidecar in the app that does not set its own.
   *
   * Fixed for a Sidecar when it is constructed: configure it before defining any Sidecar.
   *
   * @default SidecarApiVersion.V1
   */
  readonly apiVersion?: SidecarApiVersion;

  /**
   * The cluster's DNS domain: Kubernetes Services are `<name>.<namespace>.svc.<domain>`, which
   * egress hosts must name for X-EGRESS-HOST-NOT-FOUND to find them.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;

  /**
   * Fail synth on warnings too, not only on errors. Suppressed findings never fail synth.
   *
   * @default false
   */
  readonly failOnWarnings?: boolean;
}

/**
 * The app-wide settings shared by every Sidecar: one per app, under the app root.
 *
 * It is created on first use by any Sidecar or ServiceEntry; call `IstioMesh.configure()` before defining
 * Sidecars to change its settings.
 */
export class IstioMesh extends Construct {
  /** The id of the singleton under the app root; fixed so that two copies of this package share it. */
  public static readonly ID = 'IstioSidecarMesh';

  /** The mesh of the app `scope` belongs to, created with default settings if there is none yet. */
  public static of(scope: IConstruct): IstioMesh {
    const root = Node.of(scope).root;
    const existing = root.node.tryFindChild(IstioMesh.ID);
    return existing ? (existing as IstioMesh) : new IstioMesh(root, IstioMesh.ID);
  }

  /**
   * Sets the mesh settings of the app `scope` belongs to. Settings left out keep their value.
   *
   * @throws if it would change the apiVersion after a Sidecar already took the previous one, or
   * the root namespace after a `MeshDefaultSidecar` was created in the previous one.
   */
  public static configure(scope: IConstruct, props: IstioMeshProps): IstioMesh {
    const mesh = IstioMesh.of(scope);
    mesh.applyProps(props);
    return mesh;
  }

  private _rootNamespace = DEFAULT_ROOT_NAMESPACE;
  private _clusterDomain = DEFAULT_CLUSTER_DOMAIN;
  private _apiVersion = SidecarApiVersion.V1;
  private _failOnWarnings = false;
  private readonly validation: AppValidation;
  /** Path of the first Sidecar whose apiVersion came from this mesh; the version is final from then on. */
  private apiVersionTakenBy?: string;
  /** Path of the first MeshDefaultSidecar placed in the root namespace; the namespace is final from then on. */
  private rootNamespaceTakenBy?: string;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    // The app-wide validation: registered once per app, here, so every object is judged once.
    this.validation = new AppValidation(scope, () => ({
      rootNamespace: this._rootNamespace, clusterDomain: this._clusterDomain, failOnWarnings: this._failOnWarnings,
    }));
    this.node.addValidation(this.validation);
  }

  /**
   * Every finding about the app as it renders now, suppressed ones included: what synth
   * validation reports, for tests and tools.
   */
  public findings(): Finding[] {
    return this.validation.findings();
  }

  /** The cluster's DNS domain. */
  public get clusterDomain(): string {
    return this._clusterDomain;
  }

  /** Whether warnings fail synth. */
  public get failOnWarnings(): boolean {
    return this._failOnWarnings;
  }

  /** The mesh's root namespace, where the mesh-wide default Sidecar lives. */
  public get rootNamespace(): string {
    return this._rootNamespace;
  }

  /** The apiVersion of Sidecars that do not set their own. */
  public get apiVersion(): SidecarApiVersion {
    return this._apiVersion;
  }

  /**
   * The apiVersion for a Sidecar that does not set its own. From then on the mesh's
   * apiVersion can no longer change.
   *
   * @internal
   */
  public _takeApiVersion(takerPath: string): SidecarApiVersion {
    this.apiVersionTakenBy = this.apiVersionTakenBy ?? takerPath;
    return this._apiVersion;
  }

  /**
   * The root namespace for a mesh-wide default Sidecar. From then on the mesh's root
   * namespace can no longer change.
   *
   * @internal
   */
  public _takeRootNamespace(takerPath: string): string {
    this.rootNamespaceTakenBy = this.rootNamespaceTakenBy ?? takerPath;
    return this._rootNamespace;
  }

  private applyProps(props: IstioMeshProps): void {
    const namespaceProblem = props.rootNamespace === undefined ? undefined : namespaceNameProblem(props.rootNamespace);
    if (namespaceProblem) throw new Error(`Invalid root namespace ${JSON.stringify(props.rootNamespace)}: ${namespaceProblem}`);
    const domainProblem = props.clusterDomain === undefined ? undefined : fqdnProblem(props.clusterDomain);
    if (domainProblem) throw new Error(`Invalid cluster domain ${JSON.stringify(props.clusterDomain)}: ${domainProblem}, e.g. "cluster.local"`);
    if (props.apiVersion !== undefined && props.apiVersion !== this._apiVersion && this.apiVersionTakenBy !== undefined) {
      throw new Error(
        `Cannot change the Sidecar apiVersion to "${props.apiVersion}": the object at "${this.apiVersionTakenBy}" was already created with "${this._apiVersion}". `
        + 'Call IstioMesh.configure() before defining Sidecars and ServiceEntries.',
      );
    }
    if (props.rootNamespace !== undefined && props.rootNamespace !== this._rootNamespace && this.rootNamespaceTakenBy !== undefined) {
      throw new Error(
        `Cannot change the root namespace to "${props.rootNamespace}": the MeshDefaultSidecar at "${this.rootNamespaceTakenBy}" was already created in "${this._rootNamespace}". `
        + 'Call IstioMesh.configure() before defining a MeshDefaultSidecar.',
      );
    }
    this._rootNamespace = props.rootNamespace ?? this._rootNamespace;
    this._apiVersion = props.apiVersion ?? this._apiVersion;
    this._failOnWarnings = props.failOnWarnings ?? this._failOnWarnings;
    this._clusterDomain = props.clusterDomain ?? this._clusterDomain;
  }
}
