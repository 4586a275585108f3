import { analyze } from './engine';
import { Finding, ResourceRef } from './finding';
import { ManifestEntry } from './manifest';
import { MeshAnalysisOptions } from './mesh-options';
import { resolveRunSettings } from './run';
import { selectSidecars } from './selection';
import { SelectionVia } from './selection-via';
import { MeshSnapshot } from './snapshot';
import { PropNames, unknownKeysProblem } from './unknown-keys';

/** Every option of `MeshAnalysisOptions`, once: the compiler rejects a missing or foreign name. */
const MESH_ANALYSIS_OPTION_NAMES: PropNames<MeshAnalysisOptions> = {
  rootNamespace: true, clusterDomain: true, registry: true,
};

/** Which Sidecar istiod applies to one workload, and why. */
export interface SidecarSelection {
  /** The Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob. */
  readonly workload: ResourceRef;
  /**
   * The Sidecar that applies to its pods.
   * @default - none: istiod's built-in default, or no Sidecar applies at all (see `via`)
   */
  readonly sidecar?: ResourceRef;
  /** How the Sidecar was chosen. */
  readonly via: SelectionVia;
  /** Why, in a sentence for people. */
  readonly reason: string;
}

/**
 * The analysis engine over plain manifests (parsed YAML or JSON objects), without a cdk8s app:
 * what `cdk8s synth` checks, for tools and tests.
 */
export class MeshAnalysis {
  /**
   * Runs every rule over the manifests. Findings are grouped by object in input order.
   *
   * @param manifests Kubernetes objects: Sidecars, ServiceEntries, Services, Namespaces and
   * workloads are read, anything else is ignored
   * @param options the mesh the manifests are meant for
   * @throws if an option is invalid (a root namespace that is not a namespace name, say)
   */
  public static analyze(manifests: any[], options: MeshAnalysisOptions = {}): Finding[] {
    return analyze(entriesOf(manifests), meshOptionsOf(options));
  }

  /**
   * For every workload among the manifests, in input order, which Sidecar istiod applies to its
   * pods and why.
   *
   * @param manifests Kubernetes objects, as for `analyze`
   * @param options the mesh the manifests are meant for
   */
  public static explain(manifests: any[], options: MeshAnalysisOptions = {}): SidecarSelection[] {
    const mesh = new MeshSnapshot(entriesOf(manifests), meshOptionsOf(options));
    return selectSidecars(mesh).workloads.map((selection) => ({
      workload: { ...selection.workload.ref },
      ...(selection.sidecar ? { sidecar: { ...selection.sidecar.ref } } : {}),
      via: selection.via,
      reason: selection.reason,
    }));
  }

  private constructor() {}
}

function entriesOf(manifests: unknown): ManifestEntry[] {
  return Array.isArray(manifests) ? manifests.map((manifest) => ({ manifest })) : [];
}

/** The options checked as every front door checks them; a bad one throws, naming it. */
function meshOptionsOf(options: MeshAnalysisOptions | undefined): MeshAnalysisOptions {
  const unknown = unknownKeysProblem(options, MESH_ANALYSIS_OPTION_NAMES, ['option', 'options']);
  if (unknown) throw new Error(`MeshAnalysis: ${unknown}`);
  const { rootNamespace, clusterDomain, registry } = resolveRunSettings(
    { rootNamespace: options?.rootNamespace, clusterDomain: options?.clusterDomain, registry: options?.registry },
    (name) => `MeshAnalysis: ${name}`,
  );
  return { rootNamespace, clusterDomain, registry };
}
