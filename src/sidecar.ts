import { ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { ConnectionPoolSettings, renderConnectionPool } from './connection-pool';
import { EgressListenerOptions, renderEgressListener } from './egress-listener';
import { IngressListenerOptions, renderIngressListener } from './ingress-listener';
import { IstioMesh } from './istio-mesh';
import { IstioObject } from './istio-object';
import { OutboundTrafficPolicy } from './outbound-traffic-policy';
import { WorkloadSelector } from './workload-selector';

/**
 * Properties of a `Sidecar`.
 */
export interface SidecarProps {
  /**
   * Metadata of the Sidecar resource: its name, namespace, labels and annotations.
   *
   * @default - a name generated from the construct path, in the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The `apiVersion` of the resource.
   *
   * @default - the app's `IstioMesh` apiVersion (SidecarApiVersion.V1 unless configured)
   */
  readonly apiVersion?: SidecarApiVersion;

  /**
   * The pods this Sidecar applies to, within its namespace. Pods selected by a Sidecar with a
   * selector ignore the namespace's selector-less one.
   *
   * @default - every pod in the namespace (only one such Sidecar per namespace); in the mesh's
   * root namespace, every pod of every namespace without a Sidecar of its own
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#Sidecar
   */
  readonly workloadSelector?: WorkloadSelector;

  /**
   * Listeners for inbound traffic, in order. More can be added with `addIngress()`.
   *
   * @default - inbound ports are set up from the workload's Services
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: IngressListenerOptions[];

  /**
   * Listeners for outbound traffic, in order; the catch-all (no port) must be last. More can be
   * added with `addEgress()`.
   *
   * Nothing is inherited from the namespace or mesh default Sidecar: without egress listeners
   * the workload can reach every host (`*\/*`).
   *
   * @default - no egress field: istiod then gives the workload one catch-all listener importing `*\/*`
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
}

/**
 * An Istio `Sidecar` resource: tunes the proxy of the selected workloads, which ports it accepts
 * traffic on and which services it can reach.
 *
 * Listeners can be added after construction; the spec is rendered when the app is synthesized.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class Sidecar extends IstioObject {
  /** The pods this Sidecar applies to; undefined for a namespace-wide Sidecar. */
  public readonly workloadSelector?: WorkloadSelector;

  /** The outbound traffic policy, if set. */
  public readonly outboundTrafficPolicy?: OutboundTrafficPolicy;

  /** The inbound connection pool, if set. */
  public readonly inboundConnectionPool?: ConnectionPoolSettings;

  private readonly ingressListeners: IngressListenerOptions[];
  private readonly egressListeners: EgressListenerOptions[];

  public constructor(scope: Construct, id: string, props: SidecarProps = {}) {
    // Always create the mesh (it registers the app-wide validation), even with an explicit apiVersion.
    const mesh = IstioMesh.of(scope);
    const apiVersion = props.apiVersion ?? mesh._takeApiVersion(`${scope.node.path}/${id}`);
    // The engine only judges objects of the networking.istio.io group, so an apiVersion outside
    // it (possible from JavaScript) would otherwise pass validation unseen.
    if (!Object.values(SidecarApiVersion).includes(apiVersion)) {
      throw new Error(`Invalid Sidecar apiVersion "${apiVersion}": expected one of ${Object.values(SidecarApiVersion).join(', ')}`);
    }
    // The spec renders at synth time from this object's listeners; `this` exists only after super().
    const self: { sidecar?: Sidecar } = {};
    super(scope, id, {
      apiVersion,
      kind: 'Sidecar',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => self.sidecar!.renderSpec() }),
    });
    self.sidecar = this;
    this.workloadSelector = props.workloadSelector;
    this.outboundTrafficPolicy = props.outboundTrafficPolicy;
    this.inboundConnectionPool = props.inboundConnectionPool;
    this.ingressListeners = [...(props.ingress ?? [])];
    this.egressListeners = [...(props.egress ?? [])];
  }


  /** The ingress listeners, in order. */
  public get ingress(): IngressListenerOptions[] {
    return [...this.ingressListeners];
  }

  /** The egress listeners, in order. */
  public get egress(): EgressListenerOptions[] {
    return [...this.egressListeners];
  }

  /** Adds an ingress listener after the existing ones. */
  public addIngress(options: IngressListenerOptions): void {
    this.ingressListeners.push(options);
  }

  /** Adds an egress listener after the existing ones; the catch-all (no port) must stay last. */
  public addEgress(options: EgressListenerOptions): void {
    this.egressListeners.push(options);
  }

  private renderSpec(): { [key: string]: unknown } {
    const spec: { [key: string]: unknown } = {};
    if (this.workloadSelector) spec.workloadSelector = this.workloadSelector.toJson();
    if (this.ingressListeners.length > 0) spec.ingress = this.ingressListeners.map(renderIngressListener);
    if (this.egressListeners.length > 0) spec.egress = this.egressListeners.map(renderEgressListener);
    if (this.outboundTrafficPolicy) spec.outboundTrafficPolicy = this.outboundTrafficPolicy.toJson();
    if (this.inboundConnectionPool) spec.inboundConnectionPool = renderConnectionPool(this.inboundConnectionPool);
    return spec;
  }
}
