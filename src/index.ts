// The construct layer: every module below is public as a whole. Internal helpers live in
// modules this file does not export (construct-props, sidecar-spec, render-memo), or are
// `@internal` members with an underscore name.
export * from './api-version';
export * from './bind';
export * from './capture-mode';
export * from './connection-pool';
export * from './egress-host';
export * from './egress-listener';
export * from './endpoint';
export * from './ingress-listener';
export * from './istio-mesh';
export * from './istio-object';
export * from './least-privilege-sidecars';
export * from './mesh-default-sidecar';
export * from './namespace-default-sidecar';
export * from './no-iptables-sidecar';
export * from './outbound-traffic-policy';
export * from './partial-iptables-sidecar';
export * from './service-entry';
export * from './sidecar';
export * from './sidecar-conversion';
export * from './sidecar-port';
export * from './tls';
export * from './workload-calls';
export * from './workload-selector';
export * from './workload-sidecar';

// The engine and the front doors.
export * from './analysis/finding';
export * from './analysis/mesh-analysis';
export * from './analysis/mesh-options';
export * from './analysis/outbound-traffic-policy-mode';
export * from './analysis/reach/reach-result';
export * from './analysis/registry-completeness';
export { RulePack } from './analysis/rule-pack';
export * from './analysis/selection-via';
export * from './analysis/suppression';
export * from './graph/mesh-picture';
export { MeshPictureFormat } from './graph/picture-format';
export * from './plugin/validation-plugin';
export * from './validation/rule-suppressions';
