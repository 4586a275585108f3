import { JsonObject } from '../../manifest';

// The manifests and parts of manifests the rules show in RULES.md as examples.

/** Metadata of an example manifest; namespace defaults to "prod", name to "example". */
export interface ExampleMetadata {
  readonly name?: string;
  readonly namespace?: string | null;
  readonly [key: string]: unknown;
}

/** A Sidecar manifest for rule examples and tests: only the spec (and metadata) vary. */
export function sidecarManifest(spec: unknown, metadata: ExampleMetadata = {}): JsonObject {
  const { namespace, ...rest } = metadata;
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: {
      name: 'example',
      ...(namespace === null ? {} : { namespace: namespace ?? 'prod' }),
      ...rest,
    },
    spec,
  };
}

/** TLS settings that pass every TLS rule. */
export const SIMPLE_TLS = { mode: 'SIMPLE', serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' };

/** A port for ingress TLS examples. */
export const HTTPS_PORT = { number: 8443, protocol: 'HTTPS', name: 'https' };

/** A connection pool that passes every pool rule. */
export const TCP_POOL = { tcp: { maxConnections: 100, connectTimeout: '5s' } };

/** A small valid egress proxy. */
export const EXAMPLE_PROXY = { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 } };
