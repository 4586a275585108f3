import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { ConnectionPoolSettings } from './connection-pool';
import {
  PropNames, SIDECAR_BASE_PROP_NAMES, checkEgressListenerFields, checkIngressListenerFields, checkPropNames, checkSelectorNamespace,
  metadataWithDefaults,
} from './construct-props';
import { EgressListenerOptions } from './egress-listener';
import { IngressListenerOptions } from './ingress-listener';
import { IstioMesh } from './istio-mesh';
import { IstioObject, IstioObjectProps } from './istio-object';
import { OutboundTrafficPolicy } from './outbound-traffic-policy';
import { renderConnectionPool, renderEgressListener, renderIngressListener } from './sidecar-spec';
import { WorkloadSelector } from './workload-selector';

// One name for the selector on every construct: `workloadSelector`, rather than cdk8s-plus's
// `selector`. It is the field's name in Istio's Sidecar and ServiceEntry specs (props read like
// the YAML and Istio's docs), its type's name, and the public property every Sidecar already
// had; in Kubernetes a bare `selector` is a label selector over a Service's or a Deployment's
// pods, and this one also selects WorkloadEntries.

/**
 * What every Sidecar construct takes, the raw `Sidecar` and each pattern alike.
 *
 * The pods a Sidecar applies to are always given as `workloadSelector`, the name of the field
 * in Istio's Sidecar and ServiceEntry specs.
 */
export interface SidecarBaseProps extends IstioObjectProps {
  /**
   * What happens to outbound traffic to destinations outside the service registry. Not
   * inherited from another Sidecar: Sidecars are never merged.
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
 * Properties of a `Sidecar`.
 */
export interface SidecarProps extends SidecarBaseProps {
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
   * Listeners for inbound traffic, in order. The `addIngress` method adds more.
   *
   * @default - inbound ports are set up from the workload's Services
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: IngressListenerOptions[];

  /**
   * Listeners for outbound traffic, in order; the catch-all (no port) must be last. The
   * `addEgress` method adds more.
   *
   * Nothing is inherited from the namespace or mesh default Sidecar: without egress listeners
   * the workload can reach every host of every namespace (`EgressHost.all()`).
   *
   * @default - no egress field: istiod then gives the workload one catch-all listener
   * importing every host, as `EgressHost.all()`
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: EgressListenerOptions[];
}

/**
 * What the pattern constructs with ordinary listeners take (`MeshDefaultSidecar`,
 * `NamespaceDefaultSidecar`, `WorkloadSidecar`): like `SidecarProps`, except that egress
 * defaults to the workload's own namespace and the control plane instead of every host.
 */
export interface SidecarPatternProps extends SidecarBaseProps {
  /**
   * Listeners for inbound traffic, in order. The `addIngress` method adds more.
   *
   * @default - inbound ports are set up from the workload's Services
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: IngressListenerOptions[];

  /**
   * Listeners for outbound traffic, in order; the catch-all (no port) must be last. The
   * `addEgress` method adds more after these.
   *
   * Nothing is inherited from a namespace or mesh default: these listeners are all the
   * workloads get. An empty list renders no egress field (Istio then imports every host of
   * every namespace); the Sidecar must then configure something else, such as ingress.
   *
   * @default - one catch-all listener importing `./*` (the workload's own namespace) and
   * `istio-system/*` (the control plane), as the `defaultEgress` method of
   * `MeshDefaultSidecar` returns
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: EgressListenerOptions[];
}

const SIDECAR_PROP_NAMES: PropNames<SidecarProps> = { ...SIDECAR_BASE_PROP_NAMES, workloadSelector: true, ingress: true, egress: true };

/**
 * An Istio `Sidecar` resource: tunes the proxy of the selected workloads, which ports it accepts
 * traffic on and which services it can reach.
 *
 * Listeners can be added after construction; the spec is rendered when the app is synthesized.
 *
 * @example
 * import { App, Chart } from 'cdk8s';
 * import { EgressHost, Sidecar, SidecarPort, WorkloadSelector } from 'cdk8s-istio-sidecar';
 *
 * const chart = new Chart(new App(), 'shop', { namespace: 'shop' });
 * const sidecar = new Sidecar(chart, 'ratings', {
 *   metadata: { name: 'ratings' },
 *   workloadSelector: WorkloadSelector.of({ app: 'ratings' }),
 * });
 * sidecar.addEgress({ port: SidecarPort.http(9080, 'http'), hosts: [EgressHost.sameNamespace()] });
 * sidecar.addEgress({ hosts: [EgressHost.namespace('istio-system').allHosts()] });
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

  /**
   * @param scope the chart (or construct inside one) the Sidecar belongs to
   * @param id the construct id, unique within `scope`
   * @param props the Sidecar's metadata, selector, listeners and policies
   */
  public constructor(scope: Construct, id: string, props: SidecarProps = {}) {
    const path = `${scope.node.path}/${id}`;
    // A subclass may extend the props with its own; it checks them itself.
    if (new.target === Sidecar) checkPropNames('Sidecar', path, props, SIDECAR_PROP_NAMES);
    (props.ingress ?? []).forEach((listener) => checkIngressListenerFields(new.target.name, path, listener));
    (props.egress ?? []).forEach((listener) => checkEgressListenerFields(new.target.name, path, listener));
    // Always create the mesh (it registers the app-wide validation), even with an explicit apiVersion.
    const mesh = IstioMesh.of(scope);
    const apiVersion = props.apiVersion ?? mesh._takeApiVersion(path);
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
      metadata: metadataWithDefaults(props.metadata, {}),
      spec: Lazy.any({ produce: () => self.sidecar!.renderSpec() }),
    });
    self.sidecar = this;
    // Where the selector meets its Sidecar: only here are both namespaces known.
    checkSelectorNamespace(new.target.name, path, props.workloadSelector, this.metadata.namespace);
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

  /**
   * Adds an ingress listener after the existing ones.
   *
   * @param options the listener: its port, and where it forwards inbound traffic
   */
  public addIngress(options: IngressListenerOptions): void {
    checkIngressListenerFields(this.constructor.name, this.node.path, options);
    this.ingressListeners.push(options);
  }

  /**
   * Adds an egress listener after the existing ones; the catch-all (no port) must stay last.
   *
   * @param options the listener: the hosts it imports, and its port and bind address if any
   */
  public addEgress(options: EgressListenerOptions): void {
    checkEgressListenerFields(this.constructor.name, this.node.path, options);
    this.egressListeners.push(options);
  }

  private renderSpec(): { [key: string]: unknown } {
    const spec: { [key: string]: unknown } = {};
    if (this.workloadSelector) spec.workloadSelector = this.workloadSelector._toIstio();
    if (this.ingressListeners.length > 0) spec.ingress = this.ingressListeners.map(renderIngressListener);
    if (this.egressListeners.length > 0) spec.egress = this.egressListeners.map(renderEgressListener);
    if (this.outboundTrafficPolicy) spec.outboundTrafficPolicy = this.outboundTrafficPolicy._toIstio();
    if (this.inboundConnectionPool) spec.inboundConnectionPool = renderConnectionPool(this.inboundConnectionPool);
    return spec;
  }
}
