import { ResourceRef } from './finding';
import { Suppression } from './suppression';

/** A parsed JSON/YAML object. Input is untrusted: read it through the guards below. */
export interface JsonObject {
  [key: string]: unknown;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value is there at all: YAML writes "absent" as a missing key or as null. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The object at `key`, or undefined when absent or not an object. */
export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isObject(value) ? value : undefined;
}

/** The array at `key`, or undefined when absent or not an array. */
export function arrayAt(parent: JsonObject | undefined, key: string): unknown[] | undefined {
  const value = parent?.[key];
  return Array.isArray(value) ? value : undefined;
}

/** The string at `key`, or undefined when absent or not a string. */
export function stringAt(parent: JsonObject | undefined, key: string): string | undefined {
  const value = parent?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The string labels of a label map; non-string values are left out (the schema rule reports them). */
export function stringMap(value: unknown): { readonly [key: string]: string } | undefined {
  if (!isObject(value)) return undefined;
  // Labels are nearly always all strings: then the map as written is the answer, not a copy of
  // it (one object less for each of 100k pods).
  let allStrings = true;
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && typeof value[key] !== 'string') {
      allStrings = false;
      break;
    }
  }
  if (allStrings) return value as { readonly [key: string]: string };
  const result: { [key: string]: string } = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') result[key] = item;
  }
  return result;
}

/** `spec.egress` + `[2]`: builds the field paths findings point at. */
export function fieldPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base ? `${base}.${key}` : key;
}

/** One manifest handed to the engine, with where it came from. */
export interface ManifestEntry {
  readonly manifest: unknown;
  /** A construct path, or a file name (and document index). */
  readonly location?: string;
  /** Rule ids suppressed for this object, with the reason. */
  readonly suppressions?: readonly Suppression[];
}

export function resourceRefOf(manifest: JsonObject): ResourceRef {
  const metadata = objectAt(manifest, 'metadata');
  return {
    apiVersion: stringAt(manifest, 'apiVersion') ?? '',
    kind: stringAt(manifest, 'kind') ?? '',
    namespace: stringAt(metadata, 'namespace'),
    name: stringAt(metadata, 'name') ?? '',
  };
}

/** `Sidecar shop/default`: how output lines name an object (`(no namespace)` when unset). */
export function shortRef(ref: ResourceRef): string {
  return `${ref.kind || 'object'} ${ref.namespace ?? '(no namespace)'}/${ref.name}`;
}
