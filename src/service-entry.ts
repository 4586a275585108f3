import { isIPv4 } from 'net';
import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import {
  UNIX_SCHEME, fqdnProblem, isDns1123Label, isIpAddress, labelKeyProblem, labelValueProblem, portNameProblem, portNumberProblem,
  unixAddressProblem, wildcardDomainProblem,
} from './analysis/syntax';
import { ISTIO_OBJECT_PROP_NAMES, PropNames, checkPropNames, checkSelectorNamespace, metadataWithDefaults } from './construct-props';
import { IstioMesh } from './istio-mesh';
import { IstioObject, IstioObjectProps } from './istio-object';
import { SidecarProtocol } from './sidecar-port';
import { WorkloadSelector } from './workload-selector';

/**
 * Whether the service is part of the mesh.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Location
 */
export enum ServiceEntryLocation {
  /** Outside the mesh (an external API, a managed database): no mTLS, and policies see it as external. */
  MESH_EXTERNAL = 'MESH_EXTERNAL',
  /** Part of the mesh (VMs, services of a registry Istio does not watch): treated like a Kubernetes Service. */
  MESH_INTERNAL = 'MESH_INTERNAL',
}

/**
 * How the proxy finds the addresses of the service's endpoints.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Resolution
 */
export enum ServiceEntryResolution {
  /** No resolution: connections go to the address the application asked for (e.g. a forwarded IP). */
  NONE = 'NONE',
  /** The static IP addresses listed in `endpoints` (or the workloads of `workloadSelector`). */
  STATIC = 'STATIC',
  /** Asynchronous DNS resolution of the endpoints' addresses (or of the hosts, without endpoints); every address returned is used. */
  DNS = 'DNS',
  /** Like DNS, but only the first address returned is used per connection; for large DNS-balanced services. */
  DNS_ROUND_ROBIN = 'DNS_ROUND_ROBIN',
}

/**
 * A port of a `ServiceEntry`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export interface ServiceEntryPort {
  /** The port number, 1-65535. */
  readonly number: number;

  /**
   * The port's name, a DNS label such as `mysql` or `https`. Egress listeners and routes refer
   * to the port by number, but Istio requires a name.
   */
  readonly name: string;

  /**
   * The protocol of the traffic on the port.
   *
   * @default - none: the proxy sniffs the protocol
   */
  readonly protocol?: SidecarProtocol;

  /**
   * The port the endpoints listen on, when it differs from `number`. Endpoint `ports` override it.
   *
   * @default - the same as `number`
   */
  readonly targetPort?: number;
}

/**
 * One endpoint (instance) of a `ServiceEntry`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#WorkloadEntry
 */
export interface ServiceEntryEndpoint {
  /**
   * The endpoint's address: an IP address, a host name resolved by DNS (with DNS resolution),
   * or a Unix domain socket as `unix:///path/to/socket`.
   *
   * @default - none: only with a `network` behind a gateway
   */
  readonly address?: string;

  /**
   * Port numbers of this endpoint, keyed by the `ServiceEntryPort` name they replace.
   *
   * @default - each port's `targetPort`, else its number
   */
  readonly ports?: { [portName: string]: number };

  /**
   * Labels of the endpoint, for subsets and policies.
   *
   * @default - no labels
   */
  readonly labels?: { [key: string]: string };

  /**
   * The network the endpoint lives on, for multi-network meshes.
   *
   * @default - the same network as the proxy
   */
  readonly network?: string;

  /**
   * The endpoint's locality, `<region>/<zone>/<subzone>`, for locality-aware load balancing.
   *
   * @default - no locality
   */
  readonly locality?: string;

  /**
   * The endpoint's load-balancing weight relative to the others; endpoints with a higher
   * weight get proportionally more traffic.
   *
   * @default - equal weights
   */
  readonly weight?: number;

  /**
   * The service account of the workload behind the endpoint (for mTLS identities).
   *
   * @default - none
   */
  readonly serviceAccount?: string;
}

/**
 * Properties of a `ServiceEntry`.
 */
export interface ServiceEntryProps extends IstioObjectProps {
  /**
   * The host names the entry adds to the service registry: fully qualified names, optionally
   * with a wildcard first label (`*.example.com`). At least one. Egress listeners import them
   * as `<namespace>/<host>`.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
   */
  readonly hosts: string[];

  /**
   * Virtual IP addresses or CIDR blocks of the service, e.g. `10.1.2.3` or `192.168.0.0/16`.
   *
   * @default - none: TCP traffic is matched by port only, HTTP by the Host header
   */
  readonly addresses?: string[];

  /**
   * The ports of the service. The `addPort` method adds more.
   *
   * @default - no ports
   */
  readonly ports?: ServiceEntryPort[];

  /**
   * Whether the service is part of the mesh.
   *
   * @default - Istio's default, ServiceEntryLocation.MESH_EXTERNAL
   */
  readonly location?: ServiceEntryLocation;

  /**
   * How the proxy finds the service's endpoints.
   *
   * @default - Istio's default, ServiceEntryResolution.NONE
   */
  readonly resolution?: ServiceEntryResolution;

  /**
   * The endpoints of the service. The `addEndpoint` method adds more.
   *
   * @default - none (with DNS resolution, the hosts themselves are resolved)
   */
  readonly endpoints?: ServiceEntryEndpoint[];

  /**
   * The workloads (Pods or WorkloadEntries) that are the endpoints of the service, instead of
   * `endpoints`.
   *
   * @default - none
   */
  readonly workloadSelector?: WorkloadSelector;

  /**
   * The namespaces the entry is visible from: `*` for all, `.` for its own, or namespace names.
   * Sidecars in other namespaces cannot import its hosts.
   *
   * @default - all namespaces (or MeshConfig `defaultServiceExportTo`)
   */
  readonly exportTo?: string[];

  /**
   * The identities (SANs) the server certificates of the endpoints may present.
   *
   * @default - not checked
   */
  readonly subjectAltNames?: string[];
}

const SERVICE_ENTRY_PROP_NAMES: PropNames<ServiceEntryProps> = {
  ...ISTIO_OBJECT_PROP_NAMES,
  hosts: true,
  addresses: true,
  ports: true,
  location: true,
  resolution: true,
  endpoints: true,
  workloadSelector: true,
  exportTo: true,
  subjectAltNames: true,
};

/**
 * An Istio `ServiceEntry`: adds hosts to the mesh's service registry, typically an external
 * service the mesh's workloads call, so Sidecars can import it and routing rules apply to it.
 *
 * Syntax errors (a bad host, address, port or label) throw at once. The spec is rendered when
 * the app is synthesized, so ports and endpoints can be added after construction.
 *
 * ```ts
 * import { App, Chart } from 'cdk8s';
 * import { ServiceEntry, ServiceEntryLocation, ServiceEntryResolution, SidecarProtocol } from 'cdk8s-istio-sidecar';
 *
 * const chart = new Chart(new App(), 'external');
 * new ServiceEntry(chart, 'mysql', {
 *   metadata: { name: 'external-svc-mysql', namespace: 'ns1' },
 *   hosts: ['mysql.foo.com'],
 *   ports: [{ number: 3306, name: 'mysql', protocol: SidecarProtocol.MYSQL }],
 *   location: ServiceEntryLocation.MESH_EXTERNAL,
 *   resolution: ServiceEntryResolution.DNS,
 * });
 * ```
 *
 * renders
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: ServiceEntry
 * metadata:
 *   name: external-svc-mysql
 *   namespace: ns1
 * spec:
 *   hosts: [mysql.foo.com]
 *   ports:
 *     - { number: 3306, name: mysql, protocol: MYSQL }
 *   location: MESH_EXTERNAL
 *   resolution: DNS
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/
 */
export class ServiceEntry extends IstioObject {
  /** Whether the service is part of the mesh, if set. */
  public readonly location?: ServiceEntryLocation;

  /** How endpoints are found, if set. */
  public readonly resolution?: ServiceEntryResolution;

  /** The workloads that are the endpoints, if set. */
  public readonly workloadSelector?: WorkloadSelector;

  private readonly hostList: string[];
  private readonly addressList: string[];
  private readonly portList: ServiceEntryPort[] = [];
  private readonly endpointList: ServiceEntryEndpoint[] = [];
  private readonly exportToList?: string[];
  private readonly sanList?: string[];

  /**
   * @param scope the chart (or construct inside one) the ServiceEntry belongs to
   * @param id the construct id, unique within `scope`
   * @param props the hosts, ports and endpoints of the service
   */
  public constructor(scope: Construct, id: string, props: ServiceEntryProps) {
    const path = `${scope.node.path}/${id}`;
    // A subclass may extend the props with its own; it checks them itself.
    if (new.target === ServiceEntry) checkPropNames('ServiceEntry', path, props, SERVICE_ENTRY_PROP_NAMES);
    const hosts = props?.hosts;
    if (!Array.isArray(hosts) || hosts.length === 0) {
      throw new Error(`Invalid ServiceEntry hosts ${JSON.stringify(hosts ?? null)} at "${path}": expected at least one host name, e.g. ["api.example.com"]`);
    }
    // Check everything before super(): a bad value must leave nothing in the construct tree.
    hosts.forEach(checkHost);
    (props.addresses ?? []).forEach(checkAddress);
    (props.exportTo ?? []).forEach(checkExportTo);
    (props.subjectAltNames ?? []).forEach(checkSubjectAltName);
    (props.ports ?? []).forEach(checkPort);
    (props.endpoints ?? []).forEach(checkEndpoint);
    // The spec renders at synth time from this object's fields; `this` exists only after super().
    const self: { entry?: ServiceEntry } = {};
    super(scope, id, {
      apiVersion: props.apiVersion ?? IstioMesh.of(scope)._takeApiVersion(path),
      kind: 'ServiceEntry',
      metadata: metadataWithDefaults(props.metadata, {}),
      spec: Lazy.any({ produce: () => self.entry!.renderSpec() }),
    });
    self.entry = this;
    // Its workloadSelector, like a Sidecar's, selects pods of its own namespace only.
    checkSelectorNamespace('ServiceEntry', path, props.workloadSelector, this.metadata.namespace);
    this.hostList = [...hosts];
    this.addressList = [...(props.addresses ?? [])];
    this.exportToList = props.exportTo ? [...props.exportTo] : undefined;
    this.sanList = props.subjectAltNames ? [...props.subjectAltNames] : undefined;
    this.location = props.location;
    this.resolution = props.resolution;
    this.workloadSelector = props.workloadSelector;
    (props.ports ?? []).forEach((port) => this.addPort(port));
    (props.endpoints ?? []).forEach((endpoint) => this.addEndpoint(endpoint));
  }


  /** The hosts the entry adds to the registry. */
  public get hosts(): string[] {
    return [...this.hostList];
  }

  /** The ports, in order. */
  public get ports(): ServiceEntryPort[] {
    return [...this.portList];
  }

  /** The endpoints, in order. */
  public get endpoints(): ServiceEntryEndpoint[] {
    return [...this.endpointList];
  }

  /**
   * Adds a port after the existing ones.
   *
   * @param port the port's number, name and protocol
   */
  public addPort(port: ServiceEntryPort): void {
    checkPort(port);
    this.portList.push({ ...port });
  }

  /**
   * Adds an endpoint after the existing ones.
   *
   * @param endpoint the endpoint's address, ports and labels
   */
  public addEndpoint(endpoint: ServiceEntryEndpoint): void {
    checkEndpoint(endpoint);
    this.endpointList.push({ ...endpoint });
  }

  private renderSpec(): { [key: string]: unknown } {
    const spec: { [key: string]: unknown } = { hosts: [...this.hostList] };
    if (this.addressList.length > 0) spec.addresses = [...this.addressList];
    if (this.portList.length > 0) spec.ports = this.portList.map(renderPort);
    if (this.location) spec.location = this.location;
    if (this.resolution) spec.resolution = this.resolution;
    if (this.endpointList.length > 0) spec.endpoints = this.endpointList.map(renderEndpoint);
    if (this.workloadSelector) spec.workloadSelector = this.workloadSelector._toIstio();
    if (this.exportToList) spec.exportTo = [...this.exportToList];
    if (this.sanList) spec.subjectAltNames = [...this.sanList];
    return spec;
  }
}

function renderPort(port: ServiceEntryPort): { [key: string]: unknown } {
  const json: { [key: string]: unknown } = { number: port.number };
  if (port.protocol !== undefined) json.protocol = port.protocol;
  json.name = port.name;
  if (port.targetPort !== undefined) json.targetPort = port.targetPort;
  return json;
}

function renderEndpoint(endpoint: ServiceEntryEndpoint): { [key: string]: unknown } {
  const json: { [key: string]: unknown } = {};
  if (endpoint.address !== undefined) json.address = endpoint.address;
  if (endpoint.ports !== undefined) json.ports = { ...endpoint.ports };
  if (endpoint.labels !== undefined) json.labels = { ...endpoint.labels };
  if (endpoint.network !== undefined) json.network = endpoint.network;
  if (endpoint.locality !== undefined) json.locality = endpoint.locality;
  if (endpoint.weight !== undefined) json.weight = endpoint.weight;
  if (endpoint.serviceAccount !== undefined) json.serviceAccount = endpoint.serviceAccount;
  return json;
}

function checkPort(port: ServiceEntryPort): void {
  checkPortNumber(port.number, 'port number');
  const nameProblem = typeof port.name === 'string' ? portNameProblem(port.name) : 'expected a name, e.g. "https"';
  if (nameProblem) throw new Error(`Invalid ServiceEntry port name ${JSON.stringify(port.name ?? null)} for port ${port.number}: ${nameProblem}`);
  if (port.targetPort !== undefined) checkPortNumber(port.targetPort, 'targetPort');
}

function checkEndpoint(endpoint: ServiceEntryEndpoint): void {
  if (endpoint.address !== undefined) checkEndpointAddress(endpoint.address);
  for (const [name, number] of Object.entries(endpoint.ports ?? {})) {
    const problem = portNameProblem(name);
    if (problem) throw new Error(`Invalid ServiceEntry endpoint port name "${name}": ${problem}`);
    checkPortNumber(number, `endpoint port "${name}"`);
  }
  for (const [key, value] of Object.entries(endpoint.labels ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) throw new Error(`Invalid ServiceEntry endpoint label key "${key}": ${keyProblem}`);
    const valueProblem = labelValueProblem(value);
    if (valueProblem) throw new Error(`Invalid ServiceEntry endpoint label value "${value}" for "${key}": ${valueProblem}`);
  }
  if (endpoint.weight !== undefined && !(Number.isInteger(endpoint.weight) && endpoint.weight >= 0 && endpoint.weight <= 4294967295)) {
    throw new Error(`Invalid ServiceEntry endpoint weight ${endpoint.weight}: expected a whole number from 0 to 4294967295`);
  }
  if (endpoint.locality !== undefined && !/^[^/]+(\/[^/]+){0,2}$/.test(endpoint.locality)) {
    throw new Error(`Invalid ServiceEntry endpoint locality "${endpoint.locality}": expected "<region>", "<region>/<zone>" or "<region>/<zone>/<subzone>", e.g. "us-east1/us-east1-b"`);
  }
}

function checkHost(host: string): void {
  if (typeof host !== 'string' || host === '*') {
    throw new Error(`Invalid ServiceEntry host ${JSON.stringify(host)}: expected a host name, optionally with a wildcard first label, e.g. "api.example.com" or "*.example.com" ("*" alone is not allowed)`);
  }
  if (host.includes('/')) {
    throw new Error(`Invalid ServiceEntry host "${host}": expected a host name without a namespace or path, e.g. "api.example.com" (the "namespace/host" form is for Sidecar egress hosts)`);
  }
  const problem = wildcardDomainProblem(host);
  if (problem) throw new Error(`Invalid ServiceEntry host "${host}": ${problem}; expected a host name such as "api.example.com" or "*.example.com"`);
}

/** An IP address, or a CIDR block whose prefix fits the address family. */
function checkAddress(address: string): void {
  const [ip, prefix, ...rest] = String(address).split('/');
  const bits = isIPv4(ip) ? 32 : 128;
  const prefixOk = prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= bits);
  if (!isIpAddress(ip) || !prefixOk || rest.length > 0) {
    throw new Error(`Invalid ServiceEntry address "${address}": expected an IP address or a CIDR block, e.g. "10.1.2.3" or "192.168.0.0/16"`);
  }
}

function checkEndpointAddress(address: string): void {
  if (address.startsWith(UNIX_SCHEME)) {
    const problem = unixAddressProblem(address.slice(UNIX_SCHEME.length));
    if (problem) throw new Error(`Invalid ServiceEntry endpoint address "${address}": ${problem}`);
    return;
  }
  if (isIpAddress(address)) return;
  const problem = fqdnProblem(address);
  if (problem) {
    throw new Error(`Invalid ServiceEntry endpoint address "${address}": ${problem}; expected an IP address, a host name or "unix:///path/to/socket", e.g. "10.1.2.3" or "db.example.com"`);
  }
}

function checkExportTo(namespace: string): void {
  if (namespace === '*' || namespace === '.' || (typeof namespace === 'string' && isDns1123Label(namespace))) return;
  throw new Error(`Invalid ServiceEntry exportTo "${namespace}": expected "*" (all namespaces), "." (its own) or a namespace name, e.g. "istio-system"`);
}

function checkSubjectAltName(san: string): void {
  if (typeof san !== 'string' || san.length === 0) {
    throw new Error(`Invalid ServiceEntry subjectAltName ${JSON.stringify(san)}: expected a non-empty identity, e.g. "spiffe://cluster.local/ns/db/sa/mysql"`);
  }
}

function checkPortNumber(value: number, what: string): void {
  const problem = portNumberProblem(value);
  if (problem) throw new Error(`Invalid ServiceEntry ${what} ${value}: ${problem}`);
}
