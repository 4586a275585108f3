// Internal: what every converted object shares. Its metadata as code, its suppress annotation as
// `RuleSuppressions.add` calls, and the check that makes the conversion faithful: a candidate
// (a pattern, `Sidecar`, `ServiceEntry`) is built in-process from the very values its code
// evaluates to, in a scratch app, and taken only when it renders the input's apiVersion, kind,
// name, namespace, labels, annotations and spec exactly.
import { ApiObject, App, Chart } from 'cdk8s';
import { Expr, Unsupported, at, enumMember, json, lib, lit, obj } from './code';
import { Json, canonical, isJsonObject, stringMapCode, stringOf } from './value-code';
import { Suppression } from '../analysis/suppression';
import { SUPPRESS_ANNOTATION, readSuppressAnnotation, renderSuppressAnnotation } from '../analysis/suppression-annotation';
import { SidecarApiVersion } from '../api-version';
import { IstioMesh } from '../istio-mesh';
import { RuleSuppressions } from '../validation/rule-suppressions';

/** A way to write one object: a construct class and its props. */
export interface Candidate {
  readonly className: string;
  readonly props: Expr;
  /** Suppressions written as `RuleSuppressions.add` calls rather than as the annotation. */
  readonly suppressions: readonly Suppression[];
}

/** The object as it will be written, with the notes to put above it. */
export interface ObjectCode extends Candidate {
  readonly notes: readonly string[];
}

/** What a candidate needs of the input's metadata. */
export interface MetadataParts {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Expr;
  /** The annotations, with the suppress annotation. */
  readonly annotations?: Json;
  /** The suppressions of the suppress annotation, when it is exactly what `RuleSuppressions.add` writes. */
  readonly suppressions?: readonly Suppression[];
}

/** Fields set by the API server, which a cluster export carries and an app never sets. */
const SERVER_FIELDS = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp'];

/** The metadata of `manifest`, and notes on what the conversion leaves out. */
export function metadataParts(manifest: Json, notes: string[]): MetadataParts {
  const metadata = isJsonObject(manifest.metadata) ? manifest.metadata : {};
  const dropped = Object.keys(metadata).filter((k) => !['name', 'namespace', 'labels', 'annotations'].includes(k));
  const server = dropped.filter((k) => SERVER_FIELDS.includes(k));
  const other = dropped.filter((k) => !SERVER_FIELDS.includes(k));
  if (server.length > 0) notes.push(`Left out metadata the API server sets: ${server.join(', ')}.`);
  if (other.length > 0) notes.push(`Left out metadata this conversion does not keep: ${other.join(', ')}.`);
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  if (name === undefined) notes.push('The input has no metadata.name: cdk8s generates one.');
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const labels = isNonEmpty(metadata.labels) ? stringMapCode(metadata.labels, 'metadata.labels') : undefined;
  const annotations = isNonEmpty(metadata.annotations) ? metadata.annotations : undefined;
  if (annotations) stringMapCode(annotations, 'metadata.annotations');
  const read = annotations ? readSuppressAnnotation(manifest) : undefined;
  const suppressions = read && 'suppressions' in read && renderSuppressAnnotation(read.suppressions) === annotations?.[SUPPRESS_ANNOTATION]
    ? read.suppressions : undefined;
  return { name, namespace, labels, annotations, suppressions };
}

function isNonEmpty(value: unknown): value is Json {
  return isJsonObject(value) && Object.keys(value).length > 0;
}

/**
 * The `metadata` prop: name and namespace unless the pattern fixes them, labels, and the
 * annotations (without the suppress annotation when it becomes `RuleSuppressions.add` calls).
 */
export function metadataCode(parts: MetadataParts, options: { name: boolean; namespace: boolean; asCalls: boolean }): Expr | undefined {
  const annotations = parts.annotations && options.asCalls
    ? Object.fromEntries(Object.entries(parts.annotations).filter(([k]) => k !== SUPPRESS_ANNOTATION)) : parts.annotations;
  const entries: Array<readonly [string, Expr | undefined]> = [
    ['name', options.name && parts.name !== undefined ? at('metadata.name', lit(parts.name)) : undefined],
    ['namespace', options.namespace && parts.namespace !== undefined ? at('metadata.namespace', lit(parts.namespace)) : undefined],
    ['labels', parts.labels],
    ['annotations', annotations && Object.keys(annotations).length > 0 ? stringMapCode(annotations, 'metadata.annotations') : undefined],
  ];
  return entries.some(([, e]) => e !== undefined) ? at('metadata', obj(entries)) : undefined;
}

/** The `apiVersion` prop, unless it is the default (v1). */
export function apiVersionCode(manifest: Json): Expr | undefined {
  const apiVersion = stringOf(manifest.apiVersion, 'apiVersion');
  if (apiVersion === SidecarApiVersion.V1) return undefined;
  return at('apiVersion', enumMember('SidecarApiVersion', apiVersion, 'apiVersion'));
}

/** The raw `ApiObject` that writes `manifest` as it is. */
export function rawCandidate(manifest: Json, parts: MetadataParts): Candidate {
  const top = ['apiVersion', 'kind'].map((k) => [k, at(k, lit(manifest[k] as string))] as const);
  const metadata = metadataCode(parts, { name: true, namespace: true, asCalls: false }) ?? at('metadata', obj([]));
  const spec = manifest.spec === undefined ? undefined : json(manifest.spec, 'spec');
  return { className: 'ApiObject', props: obj([...top, ['metadata', metadata], ['spec', spec]]), suppressions: [] };
}

/** The candidates that write the suppressions both ways: as calls first, then as the annotation. */
export function withSuppressionChoices(parts: MetadataParts, build: (asCalls: boolean) => Candidate | undefined): Candidate[] {
  const result: Candidate[] = [];
  if (parts.suppressions) {
    const asCalls = build(true);
    if (asCalls) result.push({ ...asCalls, suppressions: parts.suppressions });
  }
  const kept = build(false);
  if (kept) result.push(kept);
  return result;
}

/** What the round trip compares of an object. */
function projection(manifest: Json): Json {
  const metadata = isJsonObject(manifest.metadata) ? manifest.metadata : {};
  const picked: Json = {};
  for (const key of ['name', 'namespace', 'labels', 'annotations']) {
    const value = metadata[key];
    if (value !== undefined && !(isJsonObject(value) && Object.keys(value).length === 0)) picked[key] = value;
  }
  return { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: picked, spec: manifest.spec };
}

/** The first field where `a` and `b` differ, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))) return undefined;
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  }
  return path || '(the whole object)';
}

/**
 * Builds the candidate in a scratch app and returns where its rendering differs from
 * `manifest` (undefined when it renders it exactly), or the error it throws.
 */
export function checkCandidate(candidate: Candidate, manifest: Json, rootNamespace: string): string | undefined {
  try {
    const app = new App();
    IstioMesh.configure(app, { rootNamespace, quiet: true });
    const chart = new Chart(app, 'convert');
    const Class = (candidate.className === 'ApiObject' ? ApiObject : lib(candidate.className).value) as new (...args: unknown[]) => ApiObject;
    const object = new Class(chart, 'object', candidate.props.value);
    for (const s of candidate.suppressions) RuleSuppressions.add(object, s.ruleId, s.reason);
    const difference = firstDifference(projection(manifest), projection(object.toJson()));
    return difference === undefined ? undefined : `would render ${difference} differently`;
  } catch (error) {
    return error instanceof Unsupported ? error.message : (error as Error).message;
  }
}
