import { OutboundTrafficPolicyMode } from './outbound-traffic-policy-mode';
import { RegistryCompleteness } from './registry-completeness';
import { RulePack } from './rule-pack';

/** The mesh the manifests are meant for: what every front door (synth, CLI, plugin) needs to know. */
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
  /**
   * Whether the manifests are the whole service registry (a cluster export) or may be part of
   * it: with `COMPLETE`, X-EGRESS-HOST-NOT-FOUND and X-SELECTOR-NO-MATCH also judge an input
   * without Services or workloads.
   * @default RegistryCompleteness.PARTIAL
   */
  readonly registry?: RegistryCompleteness;
  /**
   * The mesh's outbound traffic policy (MeshConfig `outboundTrafficPolicy.mode`): what a Sidecar
   * without its own `outboundTrafficPolicy` (or a workload without a Sidecar) does with calls
   * outside its scope. It wins over an `istio` ConfigMap among the manifests.
   *
   * @default - the input's `istio` ConfigMap says it; else unknown to the rules, and reach
   * assumes Istio's default, ALLOW_ANY, and says so
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicyMode;

  /**
   * The opt-in rule packs `analyze` runs besides the default rules, e.g.
   * `[RulePack.LEAST_PRIVILEGE]`.
   *
   * @default - none
   */
  readonly rulePacks?: RulePack[];
  /**
   * P-SCOPE-SIZE (least-privilege pack): a workload whose proxy is configured for more host
   * names than this is reported.
   *
   * @default 100
   */
  readonly maxScopeHosts?: number;
}
