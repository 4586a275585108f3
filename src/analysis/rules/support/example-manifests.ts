import { JsonObject } from '../../manifest';

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
