// Small manifests for the mesh rules' documented examples (RULES.md) and their test tables.
import { sidecarManifest } from './example-manifests';
import { JsonObject, isObject } from '../../manifest';

type StringMap = { readonly [key: string]: string };

const EGRESS = [{ hosts: ['./*', 'istio-system/*'] }];

/** A Sidecar named `name` in `namespace`; `selector` undefined leaves `workloadSelector` out. */
export function meshSidecar(namespace: string | null, name: string, selector?: unknown, extra: JsonObject = {}): JsonObject {
  const { metadata, ...spec } = extra;
  return sidecarManifest(
    { ...(selector === undefined ? {} : { workloadSelector: selector }), egress: EGRESS, ...spec },
    { name, namespace, ...(isObject(metadata) ? metadata : {}) },
  );
}

/** A Sidecar whose workloadSelector has `labels`. */
export function selectorSidecar(namespace: string, name: string, labels: StringMap, extra: JsonObject = {}): JsonObject {
  return meshSidecar(namespace, name, { labels }, extra);
}

/** A Deployment whose pods carry `labels` (and `annotations`). */
export function deploymentManifest(namespace: string, name: string, labels: StringMap, annotations: StringMap = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
        spec: { containers: [{ name: 'app', image: 'example/app:1' }] },
      },
    },
  };
}

export function namespaceManifest(name: string, labels: StringMap): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function serviceManifest(namespace: string, name: string, annotations: StringMap = {}): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 }] },
  };
}

export function serviceEntryManifest(namespace: string | null, name: string, hosts: readonly string[], exportTo?: readonly string[]): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name, ...(namespace === null ? {} : { namespace }) },
    spec: {
      hosts,
      ...(exportTo ? { exportTo } : {}),
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
      ports: [{ number: 443, name: 'https', protocol: 'TLS' }],
    },
  };
}

