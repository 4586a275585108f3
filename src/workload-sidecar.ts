import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { ConnectionPoolSettings } from './connection-pool';
import { EgressListenerOptions } from './egress-listener';
import { IngressListenerOptions } from './ingress-listener';
import { MeshDefaultSidecar } from './mesh-default-sidecar';
import { OutboundTrafficPolicy } from './outbound-traffic-policy';
import { Sidecar } from './sidecar';
import { SidecarLabelOptions, patternMetadata } from './sidecar-labels';
import { WorkloadSelector } from './workload-selector';

/**
 * Properties of a `WorkloadSidecar`.
 */
export interface WorkloadSidecarProps extends SidecarLabelOptions {
  /**
   * The pods this Sidecar applies to, in its own namespace, e.g.
   * `WorkloadSelector.of({ app: 'ratings' })` or `WorkloadSelector.fromWorkload(deployment)`.
   *
   * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#WorkloadSelector
   */
  readonly selector: WorkloadSelector;

  /**
   * The namespace of the Sidecar; it only selects pods of this namespace.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The name of the Sidecar resource.
   *
   * @default - a name generated from the construct path
   */
  readonly name?: string;

  /**
   * Listeners for inbound traffic, in order. More can be added with `addIngress()`.
   *
   * @default - inbound ports are set up from the workload's Services
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: IngressListenerOptions[];

  /**
   * Listeners for outbound traffic, in order; the catch-all (no port) must be last.
   * `addEgress()` appends after these.
   *
   * Nothing is inherited from the namespace or mesh default: these listeners are all the
   * selected pods get. An empty list renders no egress field (Istio then imports `*\/*`,
   * every host); the Sidecar must then configure something else, such as ingress.
   *
   * @default - one catch-all listener importing `./*` (the Sidecar's namespace) and
   * `istio-system/*`, as `MeshDefaultSidecar.defaultEgress()`
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: EgressListenerOptions[];

  /**
   * What happens to outbound traffic to destinations outside the service registry.
   *
   * @default - the mesh-wide `outboundTrafficPolicy` from MeshConfig
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicy;

  /**
   * Connection limits between the proxy and the application for every inbound port, unless an
   * ingress listener sets its own `connectionPool`.
   *
   * @default - a DestinationRule's settings for the workload's service, else Istio's defaults
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#Sidecar
   */
  readonly inboundConnectionPool?: ConnectionPoolSettings;

  /**
   * The `apiVersion` of the resource.
   *
   * @default - the app's `IstioMesh` apiVersion (SidecarApiVersion.V1 unless configured)
   */
  readonly apiVersion?: SidecarApiVersion;
}

/**
 * A Sidecar for some workloads of a namespace, chosen by their pod labels.
 *
 * For the pods it selects, it takes precedence over the namespace's default Sidecar and the
 * mesh-wide default, and replaces them whole: nothing is merged. Two Sidecars whose selectors
 * match the same pod are undefined behaviour in Istio (in practice the oldest wins), which the
 * app validation reports. The selector only sees pods in the Sidecar's own namespace.
 *
 * ```ts
 * new WorkloadSidecar(chart, 'ratings', {
 *   name: 'ratings',
 *   namespace: 'prod-us1',
 *   selector: WorkloadSelector.of({ app: 'ratings' }),
 *   ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.unix('/var/run/someuds.sock') }],
 *   egress: [
 *     { port: SidecarPort.http(9080, 'egresshttp'), hosts: [EgressHost.namespace('prod-us1').allHosts()] },
 *     { hosts: [EgressHost.namespace('istio-system').allHosts()] },
 *   ],
 * });
 * ```
 *
 * renders
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: Sidecar
 * metadata:
 *   name: ratings
 *   namespace: prod-us1
 * spec:
 *   workloadSelector:
 *     labels:
 *       app: ratings
 *   ingress:
 *     - port: { number: 9080, protocol: HTTP, name: somename }
 *       defaultEndpoint: unix:///var/run/someuds.sock
 *   egress:
 *     - port: { number: 9080, protocol: HTTP, name: egresshttp }
 *       hosts: [prod-us1/*]
 *     - hosts: [istio-system/*]
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class WorkloadSidecar extends Sidecar {
  public constructor(scope: Construct, id: string, props: WorkloadSidecarProps) {
    super(scope, id, {
      apiVersion: props?.apiVersion,
      metadata: patternMetadata(props?.name, props?.namespace, props),
      workloadSelector: requireSelector('WorkloadSidecar', scope, id, props?.selector),
      ingress: props.ingress,
      egress: props.egress ?? [MeshDefaultSidecar.defaultEgress()],
      outboundTrafficPolicy: props.outboundTrafficPolicy,
      inboundConnectionPool: props.inboundConnectionPool,
    });
  }
}


/**
 * The selector, or an error for JavaScript callers that leave out what the type requires.
 *
 * @internal
 */
export function requireSelector(what: string, scope: Construct, id: string, selector: WorkloadSelector | undefined): WorkloadSelector {
  if (selector === undefined || selector === null) {
    throw new Error(
      `${what} at "${scope.node.path}/${id}" needs a selector, e.g. WorkloadSelector.of({ app: "ratings" }) or WorkloadSelector.fromWorkload(deployment); `
      + 'to configure a whole namespace, use a NamespaceDefaultSidecar',
    );
  }
  return selector;
}
