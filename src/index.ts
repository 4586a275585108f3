export * from './api-version';
export * from './istio-mesh';
export * from './egress-host';
export * from './sidecar-port';
export * from './endpoint';
export * from './bind';
export * from './capture-mode';
export * from './outbound-traffic-policy';
export * from './workload-selector';
// The render helpers beside these types stay internal: only the types are public.
export { SidecarTlsMode, TlsProtocolVersion } from './tls';
export type { SidecarIngressTlsOptions } from './tls';
export { H2UpgradePolicy } from './connection-pool';
export type {
  TcpKeepaliveSettings, TcpConnectionPoolSettings, Http2KeepAliveSettings, HttpConnectionPoolSettings, ConnectionPoolSettings,
} from './connection-pool';
export type { IngressListenerOptions } from './ingress-listener';
export type { EgressListenerOptions } from './egress-listener';
export * from './istio-object';
export * from './sidecar';
export { Severity } from './analysis/finding';
export type { Finding, ResourceRef, RelatedResource } from './analysis/finding';
export { RuleSuppressions } from './validation/suppressions';
export type { Suppression } from './analysis/manifest';
export * from './plugin/validation-plugin';
// Pattern constructs (their render and guard helpers stay internal).
export type { SidecarLabelOptions } from './sidecar-labels';
export * from './mesh-default-sidecar';
export * from './namespace-default-sidecar';
export { WorkloadSidecar } from './workload-sidecar';
export type { WorkloadSidecarProps } from './workload-sidecar';
export * from './no-iptables-sidecar';
export * from './partial-iptables-sidecar';
export * from './service-entry';
export { MeshAnalysis } from './analysis/mesh-analysis';
export type { MeshAnalysisOptions, SidecarSelection } from './analysis/mesh-analysis';
export { SelectionVia } from './analysis/selection';
