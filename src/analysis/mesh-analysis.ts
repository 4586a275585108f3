import { analyze } from './engine';
import { Finding, ResourceRef } from './finding';
import { ManifestEntry } from './manifest';
import { SelectionVia, selectSidecars } from './selection';
import { MeshSnapshot } from './snapshot';

/** The mesh the manifests are meant for. */
export interface MeshAnalysisOptions {
  /**
   * MeshConfig `rootNamespace`: where the mesh-wide default Sidecar lives.
   * @default 'istio-system'
   */
  readonly rootNamespace?: string;
  /**
   * The cluster's DNS domain, for the FQDN of Kubernetes Services (`name.namespace.svc.<domain>`).
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

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
   */
  public static analyze(manifests: any[], options: MeshAnalysisOptions = {}): Finding[] {
    return analyze(entriesOf(manifests), meshOptionsOf(options));
  }

  /**
   * For every workload among the manifests, in input order, which Sidecar istiod applies to its
   * pods and why.
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

function meshOptionsOf(options: MeshAnalysisOptions | undefined): MeshAnalysisOptions {
  return { rootNamespace: options?.rootNamespace, clusterDomain: options?.clusterDomain };
}
