import { Construct, IConstruct, Node } from 'constructs';
import { formatLocatedFinding, isBlocking } from './analysis/engine';
import { Finding, Severity } from './analysis/finding';
import { OutboundTrafficPolicyMode } from './analysis/outbound-traffic-policy-mode';
import { RegistryCompleteness } from './analysis/registry-completeness';
import { DEFAULT_MAX_SCOPE_HOSTS, RulePack } from './analysis/rule-pack';
import { resolveRunSettings } from './analysis/run';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE } from './analysis/snapshot';
import { PropNames, unknownKeysProblem } from './analysis/unknown-keys';
import { SidecarApiVersion } from './api-version';
import { PICTURE_EXTENSIONS, pictureFormatOfFile } from './graph/picture-format';
import { AppValidation } from './validation/app-validation';
import { graphFileFromEnvironment, quietFromEnvironment, reportFileFromEnvironment } from './validation/environment';


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
   * The least serious finding that fails synth: `Severity.ERROR`, or `Severity.WARNING` to fail
   * on warnings too (`Severity.INFO` fails on every finding). Suppressed findings never fail
   * synth. The CLI's `--fail-on` and the plugin's `failOn` mean the same.
   *
   * @default Severity.ERROR
   */
  readonly failOn?: Severity;

  /**
   * Whether the app is the whole service registry (its Services, ServiceEntries and workloads are
   * all there are) or may be part of it. With `COMPLETE`, X-EGRESS-HOST-NOT-FOUND and
   * X-SELECTOR-NO-MATCH also report when the app defines no Service or no workload at all. The
   * CLI's `--registry` and the plugin's `registry` mean the same.
   *
   * @default RegistryCompleteness.PARTIAL
   */
  readonly registry?: RegistryCompleteness;

  /**
   * The mesh's outbound traffic policy (MeshConfig `outboundTrafficPolicy.mode`), for Sidecars
   * without their own and workloads without a Sidecar: decides whether a declared call outside
   * a workload's scope fails (REGISTRY_ONLY, X-CALL-NOT-REACHABLE) or passes through (ALLOW_ANY,
   * X-CALL-PASSTHROUGH). The CLI's `--outbound-policy` and the plugin's `outboundTrafficPolicy`
   * mean the same; each wins over an `istio` ConfigMap in the app.
   *
   * @default - the app's `istio` ConfigMap says it; else unknown, and calls outside a scope are errors
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicyMode;

  /**
   * The opt-in rule packs to run besides the default rules, e.g. `[RulePack.LEAST_PRIVILEGE]`
   * (docs/RULES.md lists each pack's rules). The CLI's `--pack` and the plugin's `rulePacks`
   * mean the same.
   *
   * @default - none
   */
  readonly rulePacks?: RulePack[];

  /**
   * P-SCOPE-SIZE (least-privilege pack): a workload whose proxy is configured for more host
   * names than this is reported. The plugin's `maxScopeHosts` means the same.
   *
   * @default 100
   */
  readonly maxScopeHosts?: number;

  /**
   * Print no warnings at synth. Findings are still computed, errors still fail synth, and the
   * mesh's `findings()` still returns everything. Setting the environment variable
   * `CDK8S_ISTIO_SIDECAR_QUIET=1` does the same when this is not set.
   *
   * @default false
   */
  readonly quiet?: boolean;

  /**
   * Write a JSON report of every finding (suppressed ones with their reason) to this path at
   * each synth, relative to the working directory. The environment variable
   * `CDK8S_ISTIO_SIDECAR_REPORT` does the same when this is not set. Keep it out of the
   * manifest folder: `kubectl apply -f` takes every file there for a manifest.
   *
   * @default - no report
   */
  readonly reportFile?: string;

  /**
   * Draw a picture of the mesh to this path at each synth, relative to the working directory:
   * each workload with the Sidecar it gets, what its scope imports, and its declared calls (red
   * when blocked). The extension names the format: `.svg`, `.html` (the picture, the findings
   * and every workload's scope in one self-contained page), `.dot` or `.mmd` (Mermaid). The
   * environment variable `CDK8S_ISTIO_SIDECAR_GRAPH` does the same when this is not set. Like
   * `reportFile`, keep it out of the manifest folder.
   *
   * @default - no picture
   */
  readonly graphFile?: string;
}

/** Every setting of `IstioMeshProps`, once: the compiler rejects a missing or foreign name. */
const ISTIO_MESH_PROP_NAMES: PropNames<IstioMeshProps> = {
  rootNamespace: true,
  apiVersion: true,
  clusterDomain: true,
  failOn: true,
  quiet: true,
  reportFile: true,
  graphFile: true,
  registry: true,
  outboundTrafficPolicy: true,
  rulePacks: true,
  maxScopeHosts: true,
};

/**
 * The app-wide settings shared by every Sidecar: one per app, under the app root.
 *
 * It is created on first use by any Sidecar or ServiceEntry; call `IstioMesh.configure()` before defining
 * Sidecars to change its settings.
 */
export class IstioMesh extends Construct {
  /** The id of the singleton under the app root; fixed so that two copies of this package share it. */
  public static readonly ID = 'IstioSidecarMesh';

  /**
   * The mesh of the app `scope` belongs to, created with default settings if there is none yet.
   *
   * @param scope any construct of the app: the app, a chart, a Sidecar
   */
  public static of(scope: IConstruct): IstioMesh {
    const root = Node.of(scope).root;
    const existing = root.node.tryFindChild(IstioMesh.ID);
    return existing ? (existing as IstioMesh) : new IstioMesh(root, IstioMesh.ID);
  }

  /**
   * Sets the mesh settings of the app `scope` belongs to. Settings left out keep their value.
   *
   * @param scope any construct of the app: the app, a chart, a Sidecar
   * @param props the settings to change
   * @throws if a setting is invalid, if it would change the apiVersion after a Sidecar already
   * took the previous one, or the root namespace after a `MeshDefaultSidecar` was created in the
   * previous one.
   */
  public static configure(scope: IConstruct, props: IstioMeshProps): IstioMesh {
    const mesh = IstioMesh.of(scope);
    mesh.applyProps(props);
    return mesh;
  }

  private _rootNamespace = DEFAULT_ROOT_NAMESPACE;
  private _rootNamespaceGiven = false;
  private _clusterDomain = DEFAULT_CLUSTER_DOMAIN;
  private _apiVersion = SidecarApiVersion.V1;
  private _failOn = Severity.ERROR;
  private _registry = RegistryCompleteness.PARTIAL;
  private _outboundTrafficPolicy?: OutboundTrafficPolicyMode;
  private _rulePacks: RulePack[] = [];
  private _maxScopeHosts = DEFAULT_MAX_SCOPE_HOSTS;
  private _quiet?: boolean;
  private _reportFile?: string;
  private _graphFile?: string;
  private readonly validation: AppValidation;
  /** Path of the first Sidecar whose apiVersion came from this mesh; the version is final from then on. */
  private apiVersionTakenBy?: string;
  /** Path of the first MeshDefaultSidecar placed in the root namespace; the namespace is final from then on. */
  private rootNamespaceTakenBy?: string;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    // The app-wide validation: registered once per app, here, so every object is judged once.
    this.validation = new AppValidation(scope, () => ({
      run: {
        rootNamespace: this._rootNamespace,
        clusterDomain: this._clusterDomain,
        failOn: this._failOn,
        registry: this._registry,
        rulePacks: [...this._rulePacks],
        maxScopeHosts: this._maxScopeHosts,
        ...(this._outboundTrafficPolicy ? { outboundTrafficPolicyMode: this._outboundTrafficPolicy, meshConfigSource: 'the IstioMesh outboundTrafficPolicy setting' } : {}),
      },
      rootNamespaceGiven: this._rootNamespaceGiven,
      quiet: this.quiet,
      reportFile: this.reportFile,
      graphFile: this.graphFile,
    }));
    this.node.addValidation(this.validation);
  }

  /**
   * Every finding about the app as it renders now, suppressed ones included: what synth
   * validation reports, for tests and tools. Reading them prints nothing and changes nothing.
   */
  public findings(): Finding[] {
    return this.validation.findings();
  }

  /**
   * The unsuppressed findings at least as serious as `severity`, one line each as synth reports
   * them (`[construct path] RULE-ID: message (at field)`): empty when the app is clean, so a
   * test asserts "no warnings" by comparing it with an empty list.
   *
   * @param severity the least serious finding to list
   * @default Severity.WARNING
   */
  public problems(severity?: Severity): string[] {
    const least = severity ?? Severity.WARNING;
    return this.findings().filter((f) => isBlocking(f, least)).map(formatLocatedFinding);
  }

  /** The cluster's DNS domain. */
  public get clusterDomain(): string {
    return this._clusterDomain;
  }

  /** The least serious finding that fails synth. */
  public get failOn(): Severity {
    return this._failOn;
  }

  /** Whether the app is the whole service registry, or may be part of it. */
  public get registry(): RegistryCompleteness {
    return this._registry;
  }

  /**
   * The mesh's outbound traffic policy, when configured.
   * @default - not configured: the app's `istio` ConfigMap, else unknown
   */
  public get outboundTrafficPolicy(): OutboundTrafficPolicyMode | undefined {
    return this._outboundTrafficPolicy;
  }

  /** The P-SCOPE-SIZE threshold of the least-privilege pack. */
  public get maxScopeHosts(): number {
    return this._maxScopeHosts;
  }

  /** The opt-in rule packs that run besides the default rules. */
  public get rulePacks(): RulePack[] {
    return [...this._rulePacks];
  }

  /** Whether synth prints no warnings (the `quiet` setting, else `CDK8S_ISTIO_SIDECAR_QUIET`). */
  public get quiet(): boolean {
    return this._quiet ?? quietFromEnvironment();
  }

  /**
   * Where synth writes its JSON report (the `reportFile` setting, else `CDK8S_ISTIO_SIDECAR_REPORT`).
   * @default - no report
   */
  public get reportFile(): string | undefined {
    return this._reportFile ?? reportFileFromEnvironment();
  }

  /**
   * Where synth draws the picture of the mesh (the `graphFile` setting, else `CDK8S_ISTIO_SIDECAR_GRAPH`).
   * @default - no picture
   */
  public get graphFile(): string | undefined {
    return this._graphFile ?? graphFileFromEnvironment();
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
    const unknown = unknownKeysProblem(props, ISTIO_MESH_PROP_NAMES, ['setting', 'settings'], { failOnWarnings: 'failOn' });
    if (unknown) throw new Error(`IstioMesh.configure() at "${this.node.path}": ${unknown}`);
    const settings = resolveRunSettings(
      {
        rootNamespace: props.rootNamespace ?? this._rootNamespace,
        clusterDomain: props.clusterDomain ?? this._clusterDomain,
        failOn: props.failOn ?? this._failOn,
        registry: props.registry ?? this._registry,
        outboundTrafficPolicy: props.outboundTrafficPolicy ?? this._outboundTrafficPolicy,
        rulePacks: props.rulePacks ?? this._rulePacks,
        maxScopeHosts: props.maxScopeHosts ?? this._maxScopeHosts,
      },
      (name) => `IstioMesh.configure(): ${name}`,
    );
    if (props.reportFile !== undefined && (typeof props.reportFile !== 'string' || props.reportFile.trim() === '')) {
      throw new Error(`IstioMesh.configure(): reportFile ${JSON.stringify(props.reportFile)} is invalid: give the path of a JSON file, e.g. "cdk8s-istio-sidecar.report.json"`);
    }
    if (props.graphFile !== undefined && (typeof props.graphFile !== 'string' || pictureFormatOfFile(props.graphFile) === undefined)) {
      throw new Error(`IstioMesh.configure(): graphFile ${JSON.stringify(props.graphFile)} is invalid: give a path whose extension names the format (${PICTURE_EXTENSIONS.join(', ')}), e.g. "mesh.html"`);
    }
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
    this._rootNamespace = settings.rootNamespace;
    this._rootNamespaceGiven = this._rootNamespaceGiven || props.rootNamespace !== undefined;
    this._clusterDomain = settings.clusterDomain;
    this._failOn = settings.failOn;
    this._registry = settings.registry;
    this._outboundTrafficPolicy = settings.outboundTrafficPolicyMode as OutboundTrafficPolicyMode | undefined;
    this._rulePacks = settings.rulePacks;
    this._maxScopeHosts = settings.maxScopeHosts;
    this._apiVersion = props.apiVersion ?? this._apiVersion;
    this._quiet = props.quiet ?? this._quiet;
    this._reportFile = props.reportFile ?? this._reportFile;
    this._graphFile = props.graphFile ?? this._graphFile;
  }
}
