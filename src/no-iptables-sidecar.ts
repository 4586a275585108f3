import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { Bind } from './bind';
import { CaptureMode } from './capture-mode';
import { ConnectionPoolSettings } from './connection-pool';
import {
  PropNames, SIDECAR_BASE_PROP_NAMES, checkEgressListenerFields, checkIngressListenerFields, checkPropNames, metadataWithDefaults,
  requireWorkloadSelector,
} from './construct-props';
import { EgressHost } from './egress-host';
import { EgressListenerOptions } from './egress-listener';
import { Endpoint } from './endpoint';
import { IngressListenerOptions } from './ingress-listener';
import { ServiceEntry, ServiceEntryLocation, ServiceEntryResolution } from './service-entry';
import { Sidecar, SidecarBaseProps } from './sidecar';
import { SidecarPort, SidecarProtocol } from './sidecar-port';
import { SidecarIngressTlsOptions } from './tls';
import { WorkloadSelector } from './workload-selector';

/**
 * An inbound listener of a workload without iptables: the proxy listens on `port` and forwards
 * to `defaultEndpoint`, where the application listens. Its capture mode is always NONE.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export interface NoIptablesIngressOptions {
  /**
   * The port the proxy listens on for inbound traffic.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
   */
  readonly port: SidecarPort;

  /**
   * Where the application listens, e.g. `Endpoint.loopback(8080)`. It must differ from the
   * proxy's own listener, since nothing redirects traffic between them.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly defaultEndpoint: Endpoint;

  /**
   * The IP address the proxy listens on.
   *
   * @default - the workload instance's IP (0.0.0.0 if it has no unicast IP)
   */
  readonly bind?: Bind;

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
 * An outbound listener of a workload without iptables: the application connects to
 * `bind`:`port` itself, and the proxy forwards to `hosts`. Its capture mode is always NONE.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export interface NoIptablesEgressOptions {
  /** The port the application connects to. */
  readonly port: SidecarPort;

  /** The address the application connects to, usually `Bind.ip('127.0.0.1')`. */
  readonly bind: Bind;

  /** The hosts the listener forwards to. At least one. */
  readonly hosts: EgressHost[];
}

/**
 * An external service a workload without iptables reaches through a local egress listener,
 * for the `addExternalService` method of `NoIptablesSidecar`.
 */
export interface ExternalServiceOptions {
  /** The external service's host name, e.g. `mysql.foo.com`. */
  readonly host: string;

  /** The port of the external service, also the port of the local listener. */
  readonly port: number;

  /**
   * The protocol of the traffic.
   *
   * @default - none: the proxy sniffs the protocol
   */
  readonly protocol?: SidecarProtocol;

  /**
   * The local address the application connects to.
   *
   * @default Bind.ip('127.0.0.1')
   */
  readonly bind?: Bind;

  /**
   * The name of the ServiceEntry.
   *
   * @default - `external-svc-<first label of host>`, e.g. `external-svc-mysql`
   */
  readonly serviceEntryName?: string;

  /**
   * The namespace of the ServiceEntry. The egress listener imports the host from any
   * namespace, so it need not be the Sidecar's.
   *
   * @default - the Sidecar's namespace
   */
  readonly serviceEntryNamespace?: string;

  /**
   * The name of the ServiceEntry's port.
   *
   * @default - the protocol in lower case (`mysql`), else `tcp`
   */
  readonly portName?: string;

  /**
   * The name of the egress listener's port.
   *
   * @default - `egress` followed by the ServiceEntry's port name, e.g. `egressmysql`
   */
  readonly listenerPortName?: string;

  /**
   * How the proxy finds the service's addresses.
   *
   * @default ServiceEntryResolution.DNS
   */
  readonly resolution?: ServiceEntryResolution;

  /**
   * Whether the service is part of the mesh.
   *
   * @default ServiceEntryLocation.MESH_EXTERNAL
   */
  readonly location?: ServiceEntryLocation;
}

const EXTERNAL_SERVICE_FIELD_NAMES: PropNames<ExternalServiceOptions> = {
  host: true,
  port: true,
  protocol: true,
  bind: true,
  serviceEntryName: true,
  serviceEntryNamespace: true,
  portName: true,
  listenerPortName: true,
  resolution: true,
  location: true,
};

/**
 * Properties of a `NoIptablesSidecar`.
 */
export interface NoIptablesSidecarProps extends SidecarBaseProps {
  /**
   * The pods deployed without iptables rules (no `istio-init`, interception mode NONE).
   *
   * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#WorkloadSelector
   */
  readonly workloadSelector: WorkloadSelector;

  /**
   * Inbound listeners, each forwarding to where the application listens. The `addIngress`
   * method adds more.
   *
   * @default - none: the workload receives no traffic through the proxy
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: NoIptablesIngressOptions[];

  /**
   * Outbound listeners, each on an address the application connects to. The `addEgress` and
   * `addExternalService` methods add more.
   *
   * @default - none: the application reaches nothing through the proxy
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: NoIptablesEgressOptions[];

  /**
   * External services reached through a local listener: each adds an egress listener and
   * the matching `ServiceEntry`, as the `addExternalService` method does. The ServiceEntries
   * take the Sidecar's `apiVersion`.
   *
   * @default - none
   */
  readonly externalServices?: ExternalServiceOptions[];
}

const NO_IPTABLES_SIDECAR_PROP_NAMES: PropNames<NoIptablesSidecarProps> = {
  ...SIDECAR_BASE_PROP_NAMES, workloadSelector: true, ingress: true, egress: true, externalServices: true,
};

/**
 * A Sidecar for pods deployed without iptables traffic capture (no `istio-init` container,
 * proxy metadata `ISTIO_META_INTERCEPTION_MODE: NONE`).
 *
 * Without iptables nothing redirects traffic to the proxy, so this Sidecar is the only way to
 * give it ports: every listener has capture mode NONE; inbound listeners forward to where the
 * application listens (`defaultEndpoint`); outbound listeners need a port and a `bind` address
 * that the application connects to explicitly, which is why both are required here.
 * The `addExternalService` method declares an external service reached that way: it adds the
 * egress listener and the matching `ServiceEntry` in one call.
 *
 * ```ts
 * import { App, Chart } from 'cdk8s';
 * import { Endpoint, NoIptablesSidecar, SidecarPort, SidecarProtocol, WorkloadSelector } from 'cdk8s-istio-sidecar';
 *
 * const chart = new Chart(new App(), 'prod', { namespace: 'prod-us1' });
 * const sidecar = new NoIptablesSidecar(chart, 'no-ip-tables', {
 *   metadata: { name: 'no-ip-tables' },
 *   workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
 *   ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.loopback(8080) }],
 * });
 * sidecar.addExternalService({ host: 'mysql.foo.com', port: 3306, protocol: SidecarProtocol.MYSQL, serviceEntryNamespace: 'ns1' });
 * ```
 *
 * renders the Sidecar, and the ServiceEntry `ns1/external-svc-mysql`
 * (hosts `[mysql.foo.com]`, port 3306 `mysql` MYSQL, MESH_EXTERNAL, DNS):
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: Sidecar
 * metadata:
 *   name: no-ip-tables
 *   namespace: prod-us1
 * spec:
 *   workloadSelector:
 *     labels:
 *       app: productpage
 *   ingress:
 *     - port: { number: 9080, protocol: HTTP, name: somename }
 *       defaultEndpoint: 127.0.0.1:8080
 *       captureMode: NONE
 *   egress:
 *     - port: { number: 3306, protocol: MYSQL, name: egressmysql }
 *       captureMode: NONE
 *       bind: 127.0.0.1
 *       hosts: ["*​/mysql.foo.com"]
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class NoIptablesSidecar extends Sidecar {
  private readonly entries: ServiceEntry[] = [];

  /**
   * @param scope the chart (or construct inside one) the Sidecar belongs to
   * @param id the construct id, unique within `scope`
   * @param props the pods it applies to, and its metadata, listeners, external services and policies
   */
  public constructor(scope: Construct, id: string, props: NoIptablesSidecarProps) {
    const path = `${scope.node.path}/${id}`;
    if (new.target === NoIptablesSidecar) checkPropNames('NoIptablesSidecar', path, props, NO_IPTABLES_SIDECAR_PROP_NAMES);
    super(scope, id, {
      apiVersion: props?.apiVersion,
      metadata: props?.metadata,
      workloadSelector: requireWorkloadSelector('NoIptablesSidecar', path, props?.workloadSelector),
      outboundTrafficPolicy: props.outboundTrafficPolicy,
      inboundConnectionPool: props.inboundConnectionPool,
    });
    (props.ingress ?? []).forEach((listener) => this.addIngress(listener));
    (props.egress ?? []).forEach((listener) => this.addEgress(listener));
    (props.externalServices ?? []).forEach((service) => this.addExternalService(service));
  }

  /** The ServiceEntries created by the `addExternalService` method (or the `externalServices` prop), in order. */
  public get serviceEntries(): ServiceEntry[] {
    return [...this.entries];
  }

  /**
   * Adds an inbound listener with capture mode NONE.
   *
   * @param options the listener: its port, and the `defaultEndpoint` the application listens on
   * @throws if the listener has no `defaultEndpoint`, or asks for another capture mode
   */
  public addIngress(options: IngressListenerOptions): void {
    // Before reading any field: a misspelt defaultEndpoint is best reported as the misspelling.
    checkIngressListenerFields('NoIptablesSidecar', this.node.path, options);
    if (options.defaultEndpoint === undefined) {
      throw new Error(
        `NoIptablesSidecar at "${this.node.path}" cannot add an ingress listener on port ${options.port} without a defaultEndpoint: `
        + 'without iptables the proxy must forward to where the application listens, e.g. defaultEndpoint: Endpoint.loopback(8080)',
      );
    }
    super.addIngress({ ...options, captureMode: this.uncaptured('ingress', options.captureMode) });
  }

  /**
   * Adds an outbound listener with capture mode NONE.
   *
   * @param options the listener: the hosts it imports, and the port and `bind` address the application connects to
   * @throws if the listener has no port or no bind address, or asks for another capture mode
   */
  public addEgress(options: EgressListenerOptions): void {
    checkEgressListenerFields('NoIptablesSidecar', this.node.path, options);
    const hosts = (options.hosts ?? []).join(', ');
    if (options.port === undefined || options.bind === undefined) {
      throw new Error(
        `NoIptablesSidecar at "${this.node.path}" cannot add an egress listener for [${hosts}] without ${options.port === undefined ? 'a port' : 'a bind address'}: `
        + 'without iptables the application must connect to the listener itself, so give it a port and a bind, e.g. { port: SidecarPort.mysql(3306), bind: Bind.ip("127.0.0.1") }',
      );
    }
    super.addEgress({ ...options, captureMode: this.uncaptured('egress', options.captureMode) });
  }

  /**
   * Declares an external service the application reaches through a local listener: adds an
   * egress listener on `bind`:`port` importing the host from any namespace
   * (`EgressHost.anyNamespace(host)`), and creates the matching `ServiceEntry` (a child of
   * this construct).
   *
   * @param options the service's host and port, and how its listener and ServiceEntry are named
   * @returns the ServiceEntry
   */
  public addExternalService(options: ExternalServiceOptions): ServiceEntry {
    checkPropNames('NoIptablesSidecar', this.node.path, options, EXTERNAL_SERVICE_FIELD_NAMES, 'external service field');
    const portName = options.portName ?? (options.protocol ?? 'tcp').toLowerCase().replace(/_/g, '-');
    // Build (and so check) the listener first, so that a bad value leaves nothing half-added.
    const listener: EgressListenerOptions = {
      port: SidecarPort.of({ number: options.port, protocol: options.protocol, name: options.listenerPortName ?? `egress${portName}` }),
      bind: options.bind ?? Bind.ip('127.0.0.1'),
      hosts: [EgressHost.anyNamespace(options.host)],
    };
    const name = options.serviceEntryName ?? defaultServiceEntryName(options.host);
    const namespace = options.serviceEntryNamespace ?? this.namespace;
    const clash = this.entries.find((e) => e.name === name && e.namespace === namespace);
    if (clash) {
      throw new Error(
        `NoIptablesSidecar at "${this.node.path}" already declares a ServiceEntry named "${name}" (for ${clash.hosts.join(', ')}); `
        + `pass serviceEntryName for "${options.host}"`,
      );
    }
    const entry = new ServiceEntry(this, `ServiceEntry-${options.host}`, {
      apiVersion: this.apiVersion as SidecarApiVersion,
      metadata: metadataWithDefaults(undefined, { name, namespace }),
      hosts: [options.host],
      ports: [{ number: options.port, name: portName, protocol: options.protocol }],
      location: options.location ?? ServiceEntryLocation.MESH_EXTERNAL,
      resolution: options.resolution ?? ServiceEntryResolution.DNS,
    });
    this.addEgress(listener);
    this.entries.push(entry);
    return entry;
  }

  private uncaptured(direction: string, captureMode: CaptureMode | undefined): CaptureMode {
    if (captureMode !== undefined && captureMode !== CaptureMode.NONE) {
      throw new Error(
        `NoIptablesSidecar at "${this.node.path}" cannot add an ${direction} listener with captureMode ${captureMode}: `
        + 'its pods have no iptables rules, so every listener uses CaptureMode.NONE; use a PartialIptablesSidecar to mix capture modes',
      );
    }
    return CaptureMode.NONE;
  }
}

/** `external-svc-mysql` for `mysql.foo.com`, as Istio's docs name it: the first label, as a valid name. */
function defaultServiceEntryName(host: string): string {
  const label = host.split('.')[0].toLowerCase().replace(/^\*-?/, '').replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
  return `external-svc-${label || 'wildcard'}`;
}
