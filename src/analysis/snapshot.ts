import { ResourceRef } from './finding';
import { LabelIndex, Labels } from './label-index';
import { JsonObject, ManifestEntry, arrayAt, isObject, objectAt, resourceRefOf, stringAt, stringMap } from './manifest';
import { MeshAnalysisOptions } from './mesh-options';
import { RegistryCompleteness } from './registry-completeness';
import { Suppression } from './suppression';
import { readSuppressAnnotation } from './suppression-annotation';
import { PodMetadata, WORKLOAD_KINDS, podMetadataOf } from './workloads';

export const DEFAULT_ROOT_NAMESPACE = 'istio-system';
export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';

/** The kinds the engine reads; front doors may skip rendering every other object. */
export const ANALYZED_KINDS: ReadonlySet<string> = new Set(['Sidecar', 'ServiceEntry', 'Service', 'Namespace', ...WORKLOAD_KINDS]);
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** Any object of the input, with its position and origin. */
export interface AnyResource {
  /** Position in the input: findings keep input order. */
  readonly index: number;
  readonly entry: ManifestEntry;
  readonly manifest: JsonObject;
  readonly ref: ResourceRef;
  /** The entry's suppressions, then those of the object's suppress annotation. */
  readonly suppressions: readonly Suppression[];
}

/** A Sidecar of the input, with the fields most rules need read once. */
export interface SidecarResource extends AnyResource {
  /** `spec`, or an empty object when it is missing or not an object (the schema rule reports that). */
  readonly spec: JsonObject;
  /** `spec.workloadSelector` is present at all (even `{}`): istiod then treats it as a selector Sidecar. */
  readonly hasSelectorField: boolean;
  /** The selector's labels; empty when absent or `{}`; one that matches no pod when malformed. */
  readonly selectorLabels: Labels;
  /** Some selector label is not a string: the schema rules report it, selection matches nothing. */
  readonly selectorIsMalformed: boolean;
  /** `metadata.creationTimestamp` in ms since the epoch, when present and valid (cluster exports have it). */
  readonly createdAt?: number;
}

/** A Pod, or an object that makes pods (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). */
export interface WorkloadResource extends AnyResource {
  readonly pod: PodMetadata;
}

/** A host of the service registry: a Kubernetes Service's FQDN or a ServiceEntry host. */
export interface RegistryHost {
  /** The host name, without a trailing dot. */
  readonly host: string;
  readonly source: AnyResource;
  /** Which registry defines it: istiod prefers a Kubernetes Service to a ServiceEntry of the same host. */
  readonly kind: 'Service' | 'ServiceEntry';
  /** Namespaces the host is visible from: `*` for all (the default), `.` resolved to its own namespace. */
  readonly exportTo: readonly string[];
  /** The service's port numbers (`spec.ports[].port` of a Service, `.number` of a ServiceEntry), ascending. */
  readonly ports: readonly number[];
}

export function isIstioKind(manifest: JsonObject, kind: string): boolean {
  const apiVersion = stringAt(manifest, 'apiVersion') ?? '';
  return stringAt(manifest, 'kind') === kind && apiVersion.startsWith(ISTIO_API_PREFIX);
}

const ISTIO_API_PREFIX = `${ISTIO_NETWORKING_GROUP}/`;

/** MeshConfig `outboundTrafficPolicy.mode`. */
export type OutboundTrafficMode = 'ALLOW_ANY' | 'REGISTRY_ONLY';

/** The mesh the manifests are meant for, with what the front doors learnt from the input itself. */
export interface MeshOptions extends MeshAnalysisOptions {
  /**
   * MeshConfig `outboundTrafficPolicy.mode`, when known (the input's mesh config says it): what a
   * Sidecar without an outboundTrafficPolicy runs with.
   * @default - unknown
   */
  readonly outboundTrafficPolicyMode?: OutboundTrafficMode;
  /** Where `outboundTrafficPolicyMode` was read, e.g. `ConfigMap istio-system/istio`, for messages. */
  readonly meshConfigSource?: string;
}

/** Everything the rules look at, read and indexed once. */
export class MeshSnapshot {
  public readonly rootNamespace: string;
  /** The cluster's DNS domain, in Service host names. */
  public readonly clusterDomain: string;
  public readonly resources: readonly AnyResource[];
  public readonly sidecars: readonly SidecarResource[];
  public readonly workloads: readonly WorkloadResource[];
  /** Hosts of every Service and ServiceEntry in the input, by host name. */
  public readonly registry: ReadonlyMap<string, readonly RegistryHost[]>;
  /** The input holds at least one Service or ServiceEntry, so it describes (part of) the registry. */
  public readonly hasRegistry: boolean;
  /** The input is the whole registry (`registry: complete`): what it lacks does not exist. */
  public readonly registryIsComplete: boolean;
  /** The mesh's outbound mode, when the input's mesh config gave it, and where it was read. */
  public readonly meshOutboundMode?: { readonly mode: OutboundTrafficMode; readonly source: string };
  private readonly sidecarsByNamespace = new Map<string | undefined, SidecarResource[]>();
  private readonly workloadsByNamespace = new Map<string | undefined, LabelIndex<WorkloadResource>>();
  private readonly namespaceLabels = new Map<string, Labels>();
  /** The namespaces some object of the input is in (`metadata.namespace`). */
  private readonly occupiedNamespaces = new Set<string>();

  constructor(entries: readonly ManifestEntry[], options: MeshOptions = {}) {
    this.rootNamespace = options.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
    this.registryIsComplete = options.registry === RegistryCompleteness.COMPLETE;
    if (options.outboundTrafficPolicyMode) this.meshOutboundMode = { mode: options.outboundTrafficPolicyMode, source: options.meshConfigSource ?? 'the mesh config' };
    const clusterDomain = this.clusterDomain = options.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
    const resources: AnyResource[] = [];
    const sidecars: SidecarResource[] = [];
    const workloads: WorkloadResource[] = [];
    const registry = new Map<string, RegistryHost[]>();
    const addHost = (host: RegistryHost) => {
      const list = registry.get(host.host);
      if (list) list.push(host);
      else registry.set(host.host, [host]);
    };
    entries.forEach((entry, index) => {
      if (!isObject(entry.manifest)) return;
      const manifest = entry.manifest;
      const annotated = readSuppressAnnotation(manifest);
      const fromAnnotation = annotated && 'suppressions' in annotated ? annotated.suppressions : NO_SUPPRESSIONS;
      const fromEntry = entry.suppressions ?? NO_SUPPRESSIONS;
      // Most objects carry none: they share one empty list rather than each holding its own.
      const suppressions = fromAnnotation.length === 0 ? fromEntry : fromEntry.length === 0 ? fromAnnotation : [...fromEntry, ...fromAnnotation];
      const resource: AnyResource = { index, entry, manifest, ref: resourceRefOf(manifest), suppressions };
      const namespace = resource.ref.namespace;
      if (namespace) this.occupiedNamespaces.add(namespace);
      // A Sidecar or a workload is listed in `resources` as itself, not as a second, plainer
      // object: at 100k objects each copy is memory the garbage collector walks again and again.
      if (isIstioKind(manifest, 'Sidecar')) {
        const sidecar = toSidecar(resource);
        resources.push(sidecar);
        sidecars.push(sidecar);
        pushTo(this.sidecarsByNamespace, namespace, sidecar);
        return;
      }
      resources.push(resource);
      if (isIstioKind(manifest, 'ServiceEntry')) {
        for (const host of serviceEntryHosts(resource)) addHost(host);
      } else if (isCoreKind(manifest, 'Service')) {
        if (namespace !== undefined && resource.ref.name) {
          addHost({
            host: `${resource.ref.name}.${namespace}.svc.${clusterDomain}`,
            source: resource,
            kind: 'Service',
            exportTo: exportToOf(manifest, namespace),
            ports: portNumbersOf(manifest, 'port'),
          });
        }
      } else if (isCoreKind(manifest, 'Namespace')) {
        if (resource.ref.name) this.namespaceLabels.set(resource.ref.name, stringMap(objectAt(manifest, 'metadata')?.labels) ?? {});
      } else {
        const pod = podMetadataOf(manifest);
        if (pod) {
          const workload: WorkloadResource = { index, entry, manifest, ref: resource.ref, suppressions, pod };
          resources[resources.length - 1] = workload;
          workloads.push(workload);
          let index_ = this.workloadsByNamespace.get(namespace);
          if (!index_) this.workloadsByNamespace.set(namespace, index_ = new LabelIndex());
          index_.add(workload, pod.labels);
        }
      }
    });
    this.resources = resources;
    this.sidecars = sidecars;
    this.workloads = workloads;
    this.registry = registry;
    this.hasRegistry = registry.size > 0;
  }

  /** The workloads in `namespace` whose pods the selector matches (empty selector: all of them). */
  public workloadsMatching(namespace: string | undefined, selector: Labels): readonly WorkloadResource[] {
    return this.workloadsByNamespace.get(namespace)?.match(selector) ?? [];
  }

  /** The input declares at least one Namespace object, so it says which namespaces exist. */
  public get declaresNamespaces(): boolean {
    return this.namespaceLabels.size > 0;
  }

  /** The input shows that namespace `name` exists: a Namespace object declares it, or some object is in it. */
  public showsNamespace(name: string): boolean {
    return this.namespaceLabels.has(name) || this.occupiedNamespaces.has(name);
  }

  /** Labels of the Namespace object named `name`, when the input defines it. */
  public labelsOfNamespace(name: string | undefined): Labels | undefined {
    return name === undefined ? undefined : this.namespaceLabels.get(name);
  }

  /**
   * The namespace runs in ambient mode: labelled `istio.io/dataplane-mode: ambient`, and not
   * also opted into sidecar injection (which wins).
   */
  public isAmbientNamespace(name: string | undefined): boolean {
    const labels = this.labelsOfNamespace(name);
    if (!labels || labels['istio.io/dataplane-mode'] !== 'ambient') return false;
    return labels['istio-injection'] !== 'enabled' && !labels['istio.io/rev'];
  }

  /** The namespace turns sidecar injection off (`istio-injection: disabled`): its pods run no proxy. */
  public disablesInjection(name: string | undefined): boolean {
    return this.labelsOfNamespace(name)?.['istio-injection'] === 'disabled';
  }

  /** The Sidecars whose `metadata.namespace` is `namespace` (undefined: those with none), in input order. */
  public sidecarsIn(namespace: string | undefined): readonly SidecarResource[] {
    return this.sidecarsByNamespace.get(namespace) ?? [];
  }
}

const NO_SUPPRESSIONS: readonly Suppression[] = [];

/** Matches no pod: a selector whose labels are not all strings (the schema rules report it). */
const MATCHES_NOTHING: Labels = { '\u0000malformed': '\u0000' };

function toSidecar(resource: AnyResource): SidecarResource {
  const spec = objectAt(resource.manifest, 'spec') ?? {};
  const hasSelectorField = spec.workloadSelector !== undefined && spec.workloadSelector !== null;
  const rawLabels = objectAt(spec, 'workloadSelector')?.labels;
  const labels = stringMap(rawLabels) ?? {};
  // Dropping a non-string label would widen the selector; rather match nothing, as the mesh rules
  // leave a malformed selector alone.
  const selectorIsMalformed = isObject(rawLabels) && Object.keys(labels).length !== Object.keys(rawLabels).length;
  const selectorLabels = selectorIsMalformed ? MATCHES_NOTHING : labels;
  const timestamp = Date.parse(stringAt(objectAt(resource.manifest, 'metadata'), 'creationTimestamp') ?? '');
  // Written out, not spread: a spread of another object leaves each copy with a hidden class of
  // its own in V8 (about 300 bytes per object at 100k Sidecars); a literal gives them all one.
  return {
    index: resource.index,
    entry: resource.entry,
    manifest: resource.manifest,
    ref: resource.ref,
    suppressions: resource.suppressions,
    spec,
    hasSelectorField,
    selectorLabels,
    selectorIsMalformed,
    createdAt: Number.isNaN(timestamp) ? undefined : timestamp,
  };
}

function isCoreKind(manifest: JsonObject, kind: string): boolean {
  return stringAt(manifest, 'kind') === kind && stringAt(manifest, 'apiVersion') === 'v1';
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `spec.exportTo` of a ServiceEntry, or the `networking.istio.io/exportTo` annotation of a
 * Service (a Service has no such field); everywhere when unset.
 */
function exportToOf(manifest: JsonObject, namespace: string | undefined): string[] {
  const fromSpec = isIstioKind(manifest, 'ServiceEntry') ? arrayAt(objectAt(manifest, 'spec'), 'exportTo')?.filter((v): v is string => typeof v === 'string') : undefined;
  const annotation = stringAt(objectAt(objectAt(manifest, 'metadata'), 'annotations'), 'networking.istio.io/exportTo');
  const raw = fromSpec && fromSpec.length > 0 ? fromSpec : annotation ? annotation.split(',').map((v) => v.trim()) : ['*'];
  return raw.map((v) => (v === '.' ? namespace ?? '.' : v));
}

function serviceEntryHosts(resource: AnyResource): RegistryHost[] {
  const hosts = arrayAt(objectAt(resource.manifest, 'spec'), 'hosts') ?? [];
  const exportTo = exportToOf(resource.manifest, resource.ref.namespace);
  const ports = portNumbersOf(resource.manifest, 'number');
  return hosts.filter((h): h is string => typeof h === 'string')
    .map((host) => ({ host: withoutTrailingDot(host), source: resource, kind: 'ServiceEntry' as const, exportTo, ports }));
}

/** The whole, positive port numbers of `spec.ports[].<key>`, ascending and once each. */
function portNumbersOf(manifest: JsonObject, key: 'port' | 'number'): number[] {
  const numbers = new Set<number>();
  for (const port of arrayAt(objectAt(manifest, 'spec'), 'ports') ?? []) {
    const value = isObject(port) ? port[key] : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) numbers.add(value);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** `api.example.com.` and `api.example.com` name one host. */
export function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
