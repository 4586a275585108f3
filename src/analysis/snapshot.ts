import { ResourceRef } from './finding';
import { JsonObject, ManifestEntry, isObject, objectAt, resourceRefOf, stringAt, stringMap } from './manifest';

export const DEFAULT_ROOT_NAMESPACE = 'istio-system';
export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';

/** Any object of the input, with its position and origin. */
export interface AnyResource {
  /** Position in the input: findings keep input order. */
  readonly index: number;
  readonly entry: ManifestEntry;
  readonly manifest: JsonObject;
  readonly ref: ResourceRef;
}

/** A Sidecar of the input, with the fields most rules need read once. */
export interface SidecarResource extends AnyResource {
  /** `spec`, or an empty object when it is missing or not an object (the schema rule reports that). */
  readonly spec: JsonObject;
  /** `spec.workloadSelector` is present at all (even `{}`): istiod then treats it as a selector Sidecar. */
  readonly hasSelectorField: boolean;
  /** The selector's string labels; empty when absent or `{}`. */
  readonly selectorLabels: { readonly [key: string]: string };
}

export function isIstioKind(manifest: JsonObject, kind: string): boolean {
  const apiVersion = stringAt(manifest, 'apiVersion') ?? '';
  return stringAt(manifest, 'kind') === kind && apiVersion.startsWith(`${ISTIO_NETWORKING_GROUP}/`);
}

/** Options that describe the mesh the manifests are meant for. */
export interface MeshOptions {
  /**
   * MeshConfig `rootNamespace`: where the mesh-wide default Sidecar lives.
   * @default 'istio-system'
   */
  readonly rootNamespace?: string;
}

/** Everything the rules look at, read and indexed once. */
export class MeshSnapshot {
  public readonly rootNamespace: string;
  public readonly resources: readonly AnyResource[];
  public readonly sidecars: readonly SidecarResource[];
  private readonly sidecarsByNamespace = new Map<string | undefined, SidecarResource[]>();

  constructor(entries: readonly ManifestEntry[], options: MeshOptions = {}) {
    this.rootNamespace = options.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
    const resources: AnyResource[] = [];
    const sidecars: SidecarResource[] = [];
    entries.forEach((entry, index) => {
      if (!isObject(entry.manifest)) return;
      const manifest = entry.manifest;
      const resource: AnyResource = { index, entry, manifest, ref: resourceRefOf(manifest) };
      resources.push(resource);
      if (isIstioKind(manifest, 'Sidecar')) {
        const sidecar = toSidecar(resource);
        sidecars.push(sidecar);
        const list = this.sidecarsByNamespace.get(sidecar.ref.namespace);
        if (list) list.push(sidecar);
        else this.sidecarsByNamespace.set(sidecar.ref.namespace, [sidecar]);
      }
    });
    this.resources = resources;
    this.sidecars = sidecars;
  }

  /** The Sidecars whose `metadata.namespace` is `namespace` (undefined: those with none), in input order. */
  public sidecarsIn(namespace: string | undefined): readonly SidecarResource[] {
    return this.sidecarsByNamespace.get(namespace) ?? [];
  }
}

function toSidecar(resource: AnyResource): SidecarResource {
  const spec = objectAt(resource.manifest, 'spec') ?? {};
  const hasSelectorField = spec.workloadSelector !== undefined && spec.workloadSelector !== null;
  const selectorLabels = stringMap(objectAt(spec, 'workloadSelector')?.labels) ?? {};
  return { ...resource, spec, hasSelectorField, selectorLabels };
}
