// The outbound mode a Sidecar's proxy runs with, as pilot picks it: the Sidecar's own
// outboundTrafficPolicy when it has one (without a mode that is REGISTRY_ONLY, the proto
// default), else the mesh's, known only when the input's mesh config gives it.
import { sidecarView } from '../../sidecar-view';
import { MeshSnapshot, OutboundTrafficMode, SidecarResource } from '../../snapshot';

export interface EffectiveOutboundMode {
  readonly mode: OutboundTrafficMode;
  /** Why, for messages: `its outboundTrafficPolicy`, `the mesh's, from ConfigMap istio-system/istio`. */
  readonly from: string;
}

/** Undefined when the Sidecar inherits the mesh's mode and the input does not say it (or its mode is invalid). */
export function effectiveOutboundMode(mesh: MeshSnapshot, sidecar: SidecarResource): EffectiveOutboundMode | undefined {
  const policy = sidecarView(sidecar).outboundPolicy;
  if (policy) {
    if (policy.mode === undefined || policy.mode === null) return { mode: 'REGISTRY_ONLY', from: 'its outboundTrafficPolicy has no mode' };
    return policy.mode === 'ALLOW_ANY' || policy.mode === 'REGISTRY_ONLY' ? { mode: policy.mode, from: 'its outboundTrafficPolicy' } : undefined;
  }
  return mesh.meshOutboundMode ? { mode: mesh.meshOutboundMode.mode, from: `the mesh's, from ${mesh.meshOutboundMode.source}` } : undefined;
}
