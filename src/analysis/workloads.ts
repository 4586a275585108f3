import { Labels } from './label-index';
import { JsonObject, objectAt, stringAt, stringMap } from './manifest';

/** Where each workload kind keeps its pod template's metadata. */
const POD_METADATA_PATH: { readonly [kind: string]: readonly string[] } = {
  Pod: ['metadata'],
  Deployment: ['spec', 'template', 'metadata'],
  StatefulSet: ['spec', 'template', 'metadata'],
  DaemonSet: ['spec', 'template', 'metadata'],
  ReplicaSet: ['spec', 'template', 'metadata'],
  Job: ['spec', 'template', 'metadata'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
};

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(Object.keys(POD_METADATA_PATH));

/** Where a workload kind keeps its pod template's metadata, e.g. `['spec', 'template', 'metadata']`. */
export function podMetadataPath(kind: string): readonly string[] | undefined {
  return POD_METADATA_PATH[kind];
}

/** The labels and annotations the pods of a workload object get. */
export interface PodMetadata {
  readonly labels: Labels;
  readonly annotations: Labels;
}

/** Shared by every pod without labels or annotations. */
const NO_LABELS: { readonly [key: string]: string } = Object.freeze({});

/** Pod metadata of a core workload kind (apiVersion `v1`, `apps/v1` or `batch/v1`), else undefined. */
export function podMetadataOf(manifest: JsonObject): PodMetadata | undefined {
  const kind = stringAt(manifest, 'kind') ?? '';
  const path = POD_METADATA_PATH[kind];
  const apiVersion = stringAt(manifest, 'apiVersion') ?? '';
  if (!path || !/^(v1|apps\/v1|batch\/v1(beta1)?)$/.test(apiVersion)) return undefined;
  let metadata: JsonObject | undefined = manifest;
  for (const key of path) metadata = objectAt(metadata, key);
  return {
    labels: stringMap(metadata?.labels) ?? NO_LABELS,
    annotations: stringMap(metadata?.annotations) ?? NO_LABELS,
  };
}

/** Gateway pods (Istio's and Gateway API's) run a router proxy that never reads Sidecars. */
export function isGatewayPod(pod: PodMetadata): boolean {
  const istio = pod.labels.istio;
  return (istio !== undefined && /gateway$/.test(istio))
    || pod.labels['gateway.networking.k8s.io/gateway-name'] !== undefined
    || pod.labels['gateway.istio.io/managed'] !== undefined;
}

/** An injection opt-out on the pod: it runs no sidecar proxy, so no Sidecar applies. */
export function optsOutOfInjection(pod: PodMetadata): boolean {
  return pod.labels['sidecar.istio.io/inject'] === 'false' || pod.annotations['sidecar.istio.io/inject'] === 'false';
}

/** The pod is captured by ambient mode (ztunnel), not by a sidecar. */
export function isAmbientPod(pod: PodMetadata): boolean {
  return pod.annotations['ambient.istio.io/redirection'] === 'enabled';
}
