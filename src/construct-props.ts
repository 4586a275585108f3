// Internal, not exported from index.ts: the checks every construct of this library runs on the
// props it is given, for callers the TypeScript compiler does not check (JavaScript, and every
// jsii language, whose kernel hands props over as plain objects).
import { ApiObjectMetadata } from 'cdk8s';
import { PropNames, likelyKey, unknownKeys } from './analysis/unknown-keys';
import type { EgressListenerOptions } from './egress-listener';
import type { IngressListenerOptions } from './ingress-listener';
import type { IstioObjectProps } from './istio-object';
import type { SidecarBaseProps, SidecarPatternProps } from './sidecar';
import type { WorkloadSelector } from './workload-selector';

export type { PropNames } from './analysis/unknown-keys';

/** Props renamed or removed in 0.x, and what replaces them: the fix a near-miss cannot find. */
const REPLACED_PROPS: { [old: string]: string } = {
  selector: 'workloadSelector',
  name: 'metadata.name',
  namespace: 'metadata.namespace',
  labels: 'metadata.labels',
  annotations: 'metadata.annotations',
};

/**
 * Throws on a prop `names` does not list (a typo, or a prop of another construct), naming the
 * construct, its path, the props it knows and the likely fix.
 *
 * @param what the construct's class name, for the message
 * @param path the construct's path
 * @param props the props as given, possibly a plain object from JavaScript
 * @param names every prop the construct knows
 * @param kind what the names are, for the message: `prop`, or e.g. `ingress listener field`
 */
export function checkPropNames(what: string, path: string, props: object | undefined, names: PropNames<any>, kind: string = 'prop'): void {
  const [key] = unknownKeys(props, names);
  if (key === undefined) return;
  // A renamed prop points at its new name only where that exists (`name` -> `metadata.name`).
  const renamed = Object.prototype.hasOwnProperty.call(REPLACED_PROPS, key) && Object.prototype.hasOwnProperty.call(names, REPLACED_PROPS[key].split('.')[0])
    ? { [key]: REPLACED_PROPS[key] } : {};
  const replacement = likelyKey(key, names, renamed);
  const hint = replacement === undefined ? '' : ` Did you mean "${replacement}"?`;
  throw new Error(`${what} at "${path}" has no ${kind} "${key}".${hint} Its ${kind}s are: ${Object.keys(names).join(', ')}.`);
}

/**
 * `metadata` with `defaults` for the fields it leaves out. Keys set to undefined (possible from
 * JavaScript) count as left out: cdk8s spreads metadata over its generated name and the chart's
 * namespace, so an undefined `name` or `namespace` would otherwise erase them.
 */
export function metadataWithDefaults(metadata: ApiObjectMetadata | undefined, defaults: ApiObjectMetadata): ApiObjectMetadata {
  const result: { [key: string]: unknown } = {};
  for (const source of [defaults, metadata ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) result[key] = value;
    }
  }
  return result as ApiObjectMetadata;
}

/**
 * The selector, or an error for JavaScript callers that leave out what the type requires.
 *
 * @param what the construct's class name, for the message
 * @param path the construct's path
 * @param selector the `workloadSelector` prop as given
 */
export function requireWorkloadSelector(what: string, path: string, selector: WorkloadSelector | undefined): WorkloadSelector {
  if (selector === undefined || selector === null) {
    throw new Error(
      `${what} at "${path}" needs a workloadSelector, e.g. WorkloadSelector.of({ app: "ratings" }) or WorkloadSelector.fromWorkload(deployment); `
      + 'to configure a whole namespace, use a NamespaceDefaultSidecar',
    );
  }
  return selector;
}

/** The props of `IstioObjectProps`, which every construct of this library takes. */
export const ISTIO_OBJECT_PROP_NAMES: PropNames<IstioObjectProps> = { metadata: true, apiVersion: true };

/** The props of `SidecarBaseProps`, which every Sidecar construct takes. */
export const SIDECAR_BASE_PROP_NAMES: PropNames<SidecarBaseProps> = {
  ...ISTIO_OBJECT_PROP_NAMES, outboundTrafficPolicy: true, inboundConnectionPool: true,
};

/** The props of `SidecarPatternProps`, which the patterns with ordinary listeners take. */
export const SIDECAR_PATTERN_PROP_NAMES: PropNames<SidecarPatternProps> = { ...SIDECAR_BASE_PROP_NAMES, ingress: true, egress: true };

const INGRESS_LISTENER_FIELD_NAMES: PropNames<IngressListenerOptions> = {
  port: true, bind: true, captureMode: true, defaultEndpoint: true, tls: true, connectionPool: true,
};

const EGRESS_LISTENER_FIELD_NAMES: PropNames<EgressListenerOptions> = { hosts: true, port: true, bind: true, captureMode: true };

/**
 * Throws on a field of an ingress listener that `IngressListenerOptions` does not have.
 *
 * @param what the construct's class name, for the message
 * @param path the construct's path
 * @param listener the listener as given
 */
export function checkIngressListenerFields(what: string, path: string, listener: IngressListenerOptions): void {
  checkPropNames(what, path, listener, INGRESS_LISTENER_FIELD_NAMES, 'ingress listener field');
}

/**
 * Throws on a field of an egress listener that `EgressListenerOptions` does not have.
 *
 * @param what the construct's class name, for the message
 * @param path the construct's path
 * @param listener the listener as given
 */
export function checkEgressListenerFields(what: string, path: string, listener: EgressListenerOptions): void {
  checkPropNames(what, path, listener, EGRESS_LISTENER_FIELD_NAMES, 'egress listener field');
}

/**
 * Throws when `selector` comes from `WorkloadSelector.fromWorkload()` of a workload in another
 * namespace than the object's: a Sidecar (or a ServiceEntry) only selects pods of its own
 * namespace, so it would select nothing. Unset namespaces are not compared: kubectl decides
 * them at apply time.
 *
 * @param what the construct's class name, for the message
 * @param path the construct's path
 * @param selector the `workloadSelector` prop as given
 * @param namespace the Sidecar's namespace as it renders
 */
export function checkSelectorNamespace(what: string, path: string, selector: WorkloadSelector | undefined, namespace: string | undefined): void {
  const workload = selector?._workloadNamespace();
  if (!workload || workload.namespace === undefined || namespace === undefined || workload.namespace === namespace) return;
  throw new Error(
    `${what} at "${path}" is in namespace "${namespace}", but its workloadSelector selects the pods of "${workload.path}", in namespace "${workload.namespace}": `
    + `a ${kindOf(what)} only selects pods of its own namespace, so it would select nothing; `
    + `create the ${kindOf(what)} in namespace "${workload.namespace}" (a chart of that namespace, or metadata.namespace), or select a workload of namespace "${namespace}"`,
  );
}

/** The Istio kind a construct class renders: every pattern is a Sidecar. */
function kindOf(what: string): string {
  return what === 'ServiceEntry' ? 'ServiceEntry' : 'Sidecar';
}
