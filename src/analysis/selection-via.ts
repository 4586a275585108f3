/** How a workload got its Sidecar configuration. */
export enum SelectionVia {
  /** A Sidecar in its namespace whose workloadSelector matches its pods. */
  SELECTOR = 'selector',
  /** Its namespace's Sidecar without a workloadSelector. */
  NAMESPACE_DEFAULT = 'namespace-default',
  /** The Sidecar without a workloadSelector in the mesh root namespace. */
  ROOT_DEFAULT = 'root-default',
  /** No Sidecar applies: istiod's built-in default (egress to everything exported to the namespace). */
  BUILTIN_DEFAULT = 'builtin-default',
  /** The pods run no sidecar proxy that reads Sidecars (gateway, ambient, injection disabled). */
  NOT_APPLICABLE = 'not-applicable',
}
