import { AnalysisOptions, analyze } from './engine';
import { Finding, ResourceRef } from './finding';
import { ManifestEntry } from './manifest';
import { entriesOf, meshRunSettingsOf } from './mesh-analysis-settings';
import { MeshAnalysisOptions } from './mesh-options';
import { ReachQueryError, ReachResult, WorkloadReach, askReach, scopesOf, workloadReachOf } from './reach/reach-report';
import { rulesFor } from './rules';
import { selectSidecars } from './selection';
import { SelectionVia } from './selection-via';
import { MeshOptions, MeshSnapshot } from './snapshot';

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
    const entries = entriesOf(manifests);
    return analyze(entries, meshOptionsOf(options, entries));
  }

  /**
   * For every workload among the manifests, in input order, which Sidecar istiod applies to its
   * pods and why.
   *
   * @param manifests Kubernetes objects, as for `analyze`
   * @param options the mesh the manifests are meant for
   */
  public static explain(manifests: any[], options: MeshAnalysisOptions = {}): SidecarSelection[] {
    const entries = entriesOf(manifests);
    const mesh = new MeshSnapshot(entries, meshOptionsOf(options, entries));
    return selectSidecars(mesh).workloads.map((selection) => ({
      workload: { ...selection.workload.ref },
      ...(selection.sidecar ? { sidecar: { ...selection.sidecar.ref } } : {}),
      via: selection.via,
      reason: selection.reason,
    }));
  }

  /**
   * What each workload's proxy can reach: the hosts and ports it is configured for, as istiod
   * builds its scope from the Sidecar that applies (or none), in input order. Workloads that run
   * no sidecar proxy (injection disabled, ambient) are left out; gateways are in, with istiod's
   * default scope.
   *
   * @param manifests Kubernetes objects, as for `analyze`
   * @param options the mesh the manifests are meant for
   */
  public static reach(manifests: any[], options: MeshAnalysisOptions = {}): WorkloadReach[] {
    const entries = entriesOf(manifests);
    return scopesOf(new MeshSnapshot(entries, meshOptionsOf(options, entries))).map(workloadReachOf);
  }

  /**
   * Whether one workload's proxy reaches a host (and port), and why: the Sidecar, the listener
   * and the egress host that serve the call, or what stops it and what to add.
   *
   * @param manifests Kubernetes objects, as for `analyze`
   * @param from the workload: `NS/NAME`, or `NS/KIND/NAME` when names clash
   * @param to `HOST[:PORT]`: a Service (`reviews`, `reviews.bookinfo` or its FQDN) or an external host
   * @param options the mesh the manifests are meant for
   * @throws if `from` names no workload (or several), or `to` is not a host and port
   */
  public static canReach(manifests: any[], from: string, to: string, options: MeshAnalysisOptions = {}): ReachResult {
    if (typeof from !== 'string') throw new Error(`MeshAnalysis.canReach: from ${JSON.stringify(from)} is invalid: expected the workload as "NS/NAME", e.g. "bookinfo/productpage"`);
    if (typeof to !== 'string') throw new Error(`MeshAnalysis.canReach: to ${JSON.stringify(to)} is invalid: expected "HOST[:PORT]", e.g. "reviews.bookinfo:9080"`);
    const entries = entriesOf(manifests);
    try {
      return askReach(new MeshSnapshot(entries, meshOptionsOf(options, entries)), from, to);
    } catch (error) {
      if (error instanceof ReachQueryError) throw new Error(`MeshAnalysis.canReach: ${error.message}`);
      throw error;
    }
  }

  private constructor() {}
}

/**
 * The options checked as every front door checks them (a bad one throws, naming it), with the
 * manifests' `istio` ConfigMap read as the CLI and the plugin read it.
 */
function meshOptionsOf(options: MeshAnalysisOptions | undefined, entries: readonly ManifestEntry[]): MeshOptions & Pick<AnalysisOptions, 'rules'> {
  const resolved = meshRunSettingsOf(options, entries, 'MeshAnalysis');
  const { rootNamespace, clusterDomain, registry, outboundTrafficPolicyMode, meshConfigSource, rulePacks, maxScopeHosts } = resolved;
  const rules = rulesFor(rulePacks, { maxScopeHosts });
  return { rootNamespace, clusterDomain, registry, ...(outboundTrafficPolicyMode ? { outboundTrafficPolicyMode, meshConfigSource } : {}), rules };
}
