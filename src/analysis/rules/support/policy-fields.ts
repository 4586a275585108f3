// The parts of spec.outboundTrafficPolicy the rules read, through the guards.
import { JsonObject, fieldPath, objectAt, isPresent } from '../../manifest';
import { SidecarResource } from '../../snapshot';

export const POLICY_PATH = 'spec.outboundTrafficPolicy';
export const MODE_PATH = fieldPath(POLICY_PATH, 'mode');
export const PROXY_PATH = fieldPath(POLICY_PATH, 'egressProxy');

export interface OutboundPolicy {
  readonly policy: JsonObject;
  /** `mode` as written: absent (undefined or null), or any type. */
  readonly mode: unknown;
  /** `egressProxy` when it is an object. */
  readonly egressProxy?: JsonObject;
}

export function outboundPolicyOf(sidecar: SidecarResource): OutboundPolicy | undefined {
  const policy = objectAt(sidecar.spec, 'outboundTrafficPolicy');
  if (!policy) return undefined;
  return { policy, mode: policy.mode, egressProxy: objectAt(policy, 'egressProxy') };
}

export function isAbsent(value: unknown): boolean {
  return !isPresent(value);
}

/** A small valid egress proxy, for the rule examples. */
export const EXAMPLE_PROXY = { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 } };
