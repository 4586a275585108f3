// Walks a value against a SchemaNode and lists every way it breaks the schema, each with the
// field path it is at. Never throws, whatever the input.
import { fieldPath, isObject } from '../manifest';
import { DEFAULT_OWNERS, DurationSchema, IntegerSchema, ObjectSchema, SIDECAR_SPEC_SCHEMA, SchemaNode, SchemaOwners, SchemaProblemKind } from './model';
import { nearMiss } from './near-miss';
import { parseDuration } from '../syntax/duration';

export type { SchemaProblemKind } from './model';

export interface SchemaProblem {
  readonly kind: SchemaProblemKind;
  /** The rule that reports it: the node's owner for this kind, else the default owner. */
  readonly ruleId: string;
  /** Where, e.g. `spec.egress[0].port.number`. */
  readonly path: string;
  /** The value found (undefined for a missing field). */
  readonly value: unknown;
  /** The schema the value breaks (for an unknown field: the object that lacks it). */
  readonly schema: SchemaNode;
  /** What is wrong, e.g. `expected a list`. */
  readonly reason: string;
  /** The last step of `path`: a field name, map key or list index (undefined for `spec` itself). */
  readonly key?: string | number;
  /** For an unknown or missing field: its name and the path of the object (not) holding it. */
  readonly field?: string;
  readonly parentPath?: string;
  /** For an unknown field: the known field it most likely meant. */
  readonly suggestion?: string;
  /** For exclusive fields: those of the group that are set, in the group's order. */
  readonly fields?: readonly string[];
}

/** How messages describe what a schema expects, e.g. `a whole number from 0 to 4294967295`. */
export function describeExpected(schema: SchemaNode): string {
  switch (schema.type) {
    case 'object': return 'an object';
    case 'array': return 'a list';
    case 'string': return 'a string';
    case 'integer': return `a whole number from ${schema.minimum} to ${schema.maximum}`;
    case 'boolean': return 'true or false';
    case 'stringMap': return 'a map of strings';
    case 'duration': return 'a duration string such as "1s"';
    case 'enum': return `one of ${schema.values.join(', ')}`;
  }
}

/** How messages describe a value found, e.g. `the string "80"`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the string ${JSON.stringify(value)}`;
    case 'number': return `the number ${String(value)}`;
    case 'boolean': return `the boolean ${String(value)}`;
    case 'object': return 'an object';
    default: return `a value of type ${typeof value}`;
  }
}

/** Every problem of `value` against `schema`; `path` names `value` itself. */
export function schemaProblems(value: unknown, schema: SchemaNode, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  visit(value, schema, path, undefined, problems);
  return problems;
}

/**
 * Every problem of a Sidecar's `spec` (as written: missing, null or any type) against the CRD.
 * Walks every time: the Sidecar view keeps the walk for the rules that read it.
 */
export function sidecarSpecProblems(spec: unknown): readonly SchemaProblem[] {
  // A missing or null spec is pruned, not rejected; the rules about an empty spec report it.
  if (spec === undefined || spec === null) return NO_PROBLEMS;
  const problems = schemaProblems(spec, SIDECAR_SPEC_SCHEMA, 'spec');
  // Most Sidecars are clean: they share one empty list.
  return problems.length > 0 ? problems : NO_PROBLEMS;
}

const NO_PROBLEMS: readonly SchemaProblem[] = [];

type Problems = SchemaProblem[];
type Key = string | number | undefined;

/** The rule that reports a problem of `kind` found on `owner` (the node that declares the constraint). */
function ownerOf(owner: { readonly owners?: SchemaOwners }, kind: SchemaProblemKind): string {
  // Every constraint without a default owner names one (a model test checks it); S-CRD-TYPES
  // is the last resort so that a slip never drops a problem.
  return owner.owners?.[kind] ?? DEFAULT_OWNERS[kind] ?? 'S-CRD-TYPES';
}

/** Records that `value` at `path` breaks `schema` (no closure per visited node: the walk runs on every Sidecar). */
function push(problems: Problems, kind: SchemaProblemKind, schema: SchemaNode, path: string, value: unknown, key: Key, reason: string): void {
  problems.push({ kind, ruleId: ownerOf(schema, kind), path, value, schema, reason, ...(key === undefined ? {} : { key }) });
}

function wrongType(problems: Problems, schema: SchemaNode, path: string, value: unknown, key: Key): void {
  push(problems, 'wrong-type', schema, path, value, key, `expected ${describeExpected(schema)}`);
}

function visit(value: unknown, schema: SchemaNode, path: string, key: Key, problems: Problems): void {
  switch (schema.type) {
    case 'object':
      if (!isObject(value)) return wrongType(problems, schema, path, value, key);
      return visitObject(value, schema, path, problems);
    case 'array':
      if (!Array.isArray(value)) return wrongType(problems, schema, path, value, key);
      if (schema.minItems !== undefined && value.length < schema.minItems) push(problems, 'item-count', schema, path, value, key, `expected at least ${schema.minItems} item(s)`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) push(problems, 'item-count', schema, path, value, key, `expected at most ${schema.maxItems} items`);
      for (let i = 0; i < value.length; i++) {
        // A hole of a sparse list (only from API callers: YAML has none) is skipped, as before.
        if (!(i in value)) continue;
        const item: unknown = value[i];
        const itemPath = fieldPath(path, i);
        // A null item is not pruned like a null field: the API server rejects it.
        if (item === null) {
          problems.push({
            kind: 'null-item',
            ruleId: ownerOf(schema, 'null-item'),
            path: itemPath,
            value: item,
            schema: schema.items,
            key: i,
            reason: `expected ${describeExpected(schema.items)}`,
          });
        } else {
          visit(item, schema.items, itemPath, i, problems);
        }
      }
      return;
    case 'string':
      if (typeof value !== 'string') return wrongType(problems, schema, path, value, key);
      if (schema.maxLength !== undefined && characterCount(value) > schema.maxLength) push(problems, 'too-long', schema, path, value, key, `expected at most ${schema.maxLength} characters`);
      if (schema.forbiddenSubstring !== undefined && value.includes(schema.forbiddenSubstring)) {
        push(problems, 'forbidden-substring', schema, path, value, key, `expected no ${JSON.stringify(schema.forbiddenSubstring)}`);
      }
      return;
    case 'integer':
      return visitInteger(value, schema, path, key, problems);
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType(problems, schema, path, value, key);
      return;
    case 'stringMap':
      if (!isObject(value)) return wrongType(problems, schema, path, value, key);
      if (schema.maxProperties !== undefined && Object.keys(value).length > schema.maxProperties) {
        push(problems, 'property-count', schema, path, value, key, `expected at most ${schema.maxProperties} entries`);
      }
      for (const entryKey in value) {
        if (!Object.prototype.hasOwnProperty.call(value, entryKey)) continue;
        const item = value[entryKey];
        if (item !== null) visit(item, schema.values, fieldPath(path, entryKey), entryKey, problems);
      }
      return;
    case 'duration':
      return visitDuration(value, schema, path, key, problems);
    case 'enum':
      if (typeof value !== 'string') return wrongType(problems, schema, path, value, key);
      if (!schema.values.includes(value)) push(problems, 'not-in-enum', schema, path, value, key, `expected ${describeExpected(schema)}`);
      return;
  }
}

/** Characters as the API server counts them for maxLength: code points, not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function visitObject(value: { [key: string]: unknown }, schema: ObjectSchema, path: string, problems: Problems): void {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = value[key];
    const fieldSchema = Object.prototype.hasOwnProperty.call(schema.fields, key) ? schema.fields[key] : undefined;
    // Most fields are clean leaves: they need no path, which is a string built per field.
    if (fieldSchema && isCleanLeaf(item, fieldSchema)) continue;
    const itemPath = fieldPath(path, key);
    if (!fieldSchema) {
      const suggestion = nearMiss(key, Object.keys(schema.fields));
      problems.push({
        kind: 'unknown-field',
        ruleId: ownerOf(schema, 'unknown-field'),
        path: itemPath,
        value: item,
        schema,
        key,
        field: key,
        parentPath: path,
        reason: 'the schema defines no such field',
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    // The API server prunes a null field unless the schema marks it nullable: it is as if unset.
    if (item === null) continue;
    visit(item, fieldSchema, itemPath, key, problems);
  }
  for (const name of schema.required ?? []) {
    if (value[name] === undefined || value[name] === null) {
      problems.push({
        kind: 'missing-required',
        ruleId: ownerOf(schema, 'missing-required'),
        path: fieldPath(path, name),
        value: undefined,
        schema,
        key: name,
        field: name,
        parentPath: path,
        reason: `expected the required field ${JSON.stringify(name)}`,
      });
    }
  }
  for (const group of schema.mutuallyExclusive ?? []) {
    const set = group.filter((name) => value[name] !== undefined && value[name] !== null);
    if (set.length > 1) {
      problems.push({ kind: 'exclusive', ruleId: ownerOf(schema, 'exclusive'), path, value, schema, fields: set, reason: `expected at most one of ${group.join(', ')}` });
    }
  }
}

/**
 * True only for a scalar that plainly meets its schema; anything else (a string with a length
 * limit, say) is left to the full visit, so this can skip work but never a problem.
 */
function isCleanLeaf(value: unknown, schema: SchemaNode): boolean {
  switch (schema.type) {
    case 'string': return typeof value === 'string' && schema.maxLength === undefined && schema.forbiddenSubstring === undefined;
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return typeof value === 'number' && Number.isInteger(value) && value >= schema.minimum && value <= schema.maximum;
    case 'enum': return typeof value === 'string' && schema.values.includes(value);
    default: return false;
  }
}

function visitInteger(value: unknown, schema: IntegerSchema, path: string, key: Key, problems: Problems): void {
  if (typeof value !== 'number') {
    wrongType(problems, schema, path, value, key);
  } else if (!Number.isInteger(value)) {
    push(problems, 'not-integer', schema, path, value, key, `expected ${describeExpected(schema)}`);
  } else if (value < schema.minimum || value > schema.maximum) {
    push(problems, 'out-of-range', schema, path, value, key, `expected ${describeExpected(schema)}`);
  }
}

function visitDuration(value: unknown, schema: DurationSchema, path: string, key: Key, problems: Problems): void {
  if (typeof value !== 'string') return wrongType(problems, schema, path, value, key);
  const nanos = parseDuration(value);
  if (nanos === undefined) return push(problems, 'invalid-duration', schema, path, value, key, 'expected a duration such as "500ms", "1.5s" or "1m"');
  const least = schema.minimum === undefined ? undefined : parseDuration(schema.minimum);
  if (least !== undefined && nanos < least) push(problems, 'below-minimum', schema, path, value, key, `expected at least ${schema.minimum}`);
}
