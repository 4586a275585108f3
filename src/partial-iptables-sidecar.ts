import { Construct } from 'constructs';
import { Bind } from './bind';
import { CaptureMode } from './capture-mode';
import { ConnectionPoolSettings } from './connection-pool';
import { PropNames, SIDECAR_BASE_PROP_NAMES, checkPropNames, requireWorkloadSelector } from './construct-props';
import { EgressHost } from './egress-host';
import { EgressListenerOptions } from './egress-listener';
import { Endpoint } from './endpoint';
import { IngressListenerOptions } from './ingress-listener';
import { Sidecar, SidecarBaseProps } from './sidecar';
import { SidecarPort } from './sidecar-port';
import { SidecarIngressTlsOptions } from './tls';
import { WorkloadSelector } from './workload-selector';

/**
 * An inbound listener that iptables does not capture: the proxy listens on `bind`:`port`
 * (typically the VM's address on a second network interface) and forwards to
 * `defaultEndpoint`. Its capture mode is always NONE.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export interface PartialIptablesIngressOptions {
  /** The IP address the proxy listens on, e.g. the VM's `Bind.ip('172.16.1.32')`. */
  readonly bind: Bind;

  /**
   * The port the proxy listens on.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
   */
  readonly port: SidecarPort;

  /** Where the application listens, e.g. `Endpoint.loopback(8080)`. */
  readonly defaultEndpoint: Endpoint;

  /**
   * Terminates TLS from clients outside the mesh on this port.
   *
   * @default - no TLS termination (mesh mTLS still applies between sidecars)
   */
  readonly tls?: SidecarIngressTlsOptions;

  /**
   * Connection limits for this port.
   *
   * @default - the Sidecar's `inboundConnectionPool`
   */
  readonly connectionPool?: ConnectionPoolSettings;
}

/**
 * Properties of a `PartialIptablesSidecar`.
 */
export interface PartialIptablesSidecarProps extends SidecarBaseProps {
  /**
   * The workloads (typically a VM's WorkloadEntry) whose proxy runs with iptables capture
   * (interception mode REDIRECT or TPROXY) for part of their traffic.
   *
   * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#WorkloadSelector
   */
  readonly workloadSelector: WorkloadSelector;

  /**
   * The inbound listeners that bypass iptables, each bound to an explicit address. The
   * `addIngress` method adds more (capture mode NONE unless the listener sets one).
   *
   * @default - none: inbound ports are set up from the workload's Services, captured by iptables
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: PartialIptablesIngressOptions[];

  /**
   * The outbound listeners, in order; the catch-all (no port) must be last. Listeners without
   * a capture mode get IPTABLES. The `addEgress` method adds more after these.
   *
   * @default - one catch-all listener importing every host of every namespace
   * (`EgressHost.all()`), captured by iptables, as in Istio's example
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: EgressListenerOptions[];
}

const PARTIAL_IPTABLES_SIDECAR_PROP_NAMES: PropNames<PartialIptablesSidecarProps> = {
  ...SIDECAR_BASE_PROP_NAMES, workloadSelector: true, ingress: true, egress: true,
};

/**
 * A Sidecar that mixes traffic capture modes in one proxy: some inbound listeners bypass
 * iptables, while outbound traffic is captured by iptables.
 *
 * The typical case is a VM whose iptables rules capture outbound traffic to the mesh's
 * subnet, with a second network interface for inbound traffic that iptables leaves alone: the
 * proxy listens directly on that interface's address (`bind`, capture mode NONE) and forwards
 * to the application. The proxy must run with iptables capture (`ISTIO_META_INTERCEPTION_MODE`
 * REDIRECT or TPROXY) for the IPTABLES egress listener to receive anything; for pods without
 * any iptables rules, use a `NoIptablesSidecar`.
 *
 * ```ts
 * import { App, Chart } from 'cdk8s';
 * import { Bind, Endpoint, PartialIptablesSidecar, SidecarPort, WorkloadSelector } from 'cdk8s-istio-sidecar';
 *
 * const chart = new Chart(new App(), 'prod', { namespace: 'prod-us1' });
 * new PartialIptablesSidecar(chart, 'partial-ip-tables', {
 *   metadata: { name: 'partial-ip-tables' },
 *   workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
 *   ingress: [{ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'somename'), defaultEndpoint: Endpoint.loopback(8080) }],
 * });
 * ```
 *
 * renders
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: Sidecar
 * metadata:
 *   name: partial-ip-tables
 *   namespace: prod-us1
 * spec:
 *   workloadSelector:
 *     labels:
 *       app: productpage
 *   ingress:
 *     - bind: 172.16.1.32
 *       port: { number: 80, protocol: HTTP, name: somename }
 *       defaultEndpoint: 127.0.0.1:8080
 *       captureMode: NONE
 *   egress:
 *     - captureMode: IPTABLES
 *       hosts: ["*​/*"]
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class PartialIptablesSidecar extends Sidecar {
  /**
   * @param scope the chart (or construct inside one) the Sidecar belongs to
   * @param id the construct id, unique within `scope`
   * @param props the workloads it applies to, and its metadata, listeners and policies
   */
  public constructor(scope: Construct, id: string, props: PartialIptablesSidecarProps) {
    const path = `${scope.node.path}/${id}`;
    if (new.target === PartialIptablesSidecar) checkPropNames('PartialIptablesSidecar', path, props, PARTIAL_IPTABLES_SIDECAR_PROP_NAMES);
    (props?.ingress ?? []).forEach((listener) => checkBypassingIngress(path, listener));
    super(scope, id, {
      apiVersion: props?.apiVersion,
      metadata: props?.metadata,
      workloadSelector: requireWorkloadSelector('PartialIptablesSidecar', path, props?.workloadSelector),
      outboundTrafficPolicy: props.outboundTrafficPolicy,
      inboundConnectionPool: props.inboundConnectionPool,
    });
    (props.ingress ?? []).forEach((listener) => this.addIngress(listener));
    (props.egress ?? [{ hosts: [EgressHost.all()] }]).forEach((listener) => this.addEgress(listener));
  }

  /**
   * Adds an inbound listener; without a capture mode it gets NONE (it bypasses iptables).
   *
   * @param options the listener: its port, `bind` address and where it forwards inbound traffic
   */
  public addIngress(options: IngressListenerOptions): void {
    super.addIngress({ ...options, captureMode: options.captureMode ?? CaptureMode.NONE });
  }

  /**
   * Adds an outbound listener after the existing ones; without a capture mode it gets
   * IPTABLES (a Unix-socket listener keeps none). The catch-all must stay last, so pass
   * port-specific listeners in the `egress` prop when the default catch-all is kept.
   *
   * @param options the listener: the hosts it imports, and its port and bind address if any
   */
  public addEgress(options: EgressListenerOptions): void {
    // A Unix-socket listener is never captured by iptables (Istio allows only DEFAULT or NONE there).
    const captureMode = options.captureMode ?? (options.port?.isUnixSocket ? undefined : CaptureMode.IPTABLES);
    super.addEgress({ ...options, captureMode });
  }
}

/**
 * An error for JavaScript callers whose `ingress` prop listener lacks what its type requires:
 * a listener that bypasses iptables receives only what is sent to its own address, and must
 * say where the application listens.
 */
function checkBypassingIngress(path: string, listener: PartialIptablesIngressOptions): void {
  const missing = [
    listener.bind === undefined ? 'a bind address, e.g. bind: Bind.ip("172.16.1.32")' : undefined,
    listener.defaultEndpoint === undefined ? 'a defaultEndpoint, e.g. defaultEndpoint: Endpoint.loopback(8080)' : undefined,
  ].filter((what) => what !== undefined);
  if (missing.length > 0) {
    throw new Error(
      `PartialIptablesSidecar at "${path}" cannot take the ingress listener on port ${listener.port} without ${missing.join(' and ')}: `
      + 'the listeners of its ingress prop bypass iptables, so the proxy listens on that address and forwards to the application; '
      + 'add a listener that iptables captures with the addIngress method instead',
    );
  }
}
