// Walks a value against a SchemaNode and lists every way it breaks the schema, each with the
// field path it is at. Never throws, whatever the input.
import { fieldPath, isObject } from '../manifest';
import { IntegerSchema, ObjectSchema, SIDECAR_SPEC_SCHEMA, SchemaNode } from './model';
import { nearMiss } from './near-miss';
import { parseDuration } from '../syntax/duration';

export type SchemaProblemKind =
  /** A field the schema does not define (the API server prunes it, or rejects it under strict validation). */
  | 'unknown-field'
  /** A value of the wrong JSON type, or a fractional number where a whole one is expected. */
  | 'wrong-type'
  /** A whole number outside the field's range. */
  | 'out-of-range'
  /** A string that is not one of the field's enum values. */
  | 'not-in-enum'
  /** A required field that is missing. */
  | 'missing-required'
  /** A string that is not a duration. */
  | 'invalid-duration'
  /** Any other constraint: length, item or property count, forbidden substring, exclusive fields, minimum duration. */
  | 'constraint';

export interface SchemaProblem {
  readonly kind: SchemaProblemKind;
  /** Where, e.g. `spec.egress[0].port.number`. */
  readonly path: string;
  /** The value found (undefined for a missing field). */
  readonly value: unknown;
  /** The schema the value breaks (for an unknown field: the object that lacks it). */
  readonly schema: SchemaNode;
  /** What is wrong, e.g. `expected a list`. */
  readonly reason: string;
  /** For an unknown field: its name, the path of the object holding it, and the known field it most likely meant. */
  readonly field?: string;
  readonly parentPath?: string;
  readonly suggestion?: string;
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
  visit(value, schema, path, problems);
  return problems;
}

/** Every problem of a Sidecar's `spec` (as written: missing, null or any type) against the CRD. */
export function sidecarSpecProblems(spec: unknown): readonly SchemaProblem[] {
  // A missing or null spec is pruned, not rejected; the rules about an empty spec report it.
  if (spec === undefined || spec === null) return [];
  if (typeof spec !== 'object') return schemaProblems(spec, SIDECAR_SPEC_SCHEMA, 'spec');
  // Two rules read the same walk (unknown fields, wrong types): walk each spec once.
  let problems = walked.get(spec);
  if (!problems) walked.set(spec, problems = schemaProblems(spec, SIDECAR_SPEC_SCHEMA, 'spec'));
  return problems;
}

const walked = new WeakMap<object, SchemaProblem[]>();

type Problems = SchemaProblem[];
type ReportProblem = (kind: SchemaProblemKind, reason: string) => void;

function visit(value: unknown, schema: SchemaNode, path: string, problems: Problems): void {
  const problem: ReportProblem = (kind, reason) => {
    problems.push({ kind, path, value, schema, reason });
  };
  const wrongType = (): void => problem('wrong-type', `expected ${describeExpected(schema)}`);
  switch (schema.type) {
    case 'object':
      if (!isObject(value)) return wrongType();
      return visitObject(value, schema, path, problems);
    case 'array':
      if (!Array.isArray(value)) return wrongType();
      if (schema.minItems !== undefined && value.length < schema.minItems) problem('constraint', `expected at least ${schema.minItems} item(s)`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) problem('constraint', `expected at most ${schema.maxItems} items`);
      // A null item is not pruned like a null field: the API server rejects it.
      value.forEach((item, i) => visit(item, schema.items, fieldPath(path, i), problems));
      return;
    case 'string':
      if (typeof value !== 'string') return wrongType();
      if (schema.maxLength !== undefined && value.length > schema.maxLength) problem('constraint', `expected at most ${schema.maxLength} characters`);
      if (schema.forbiddenSubstring !== undefined && value.includes(schema.forbiddenSubstring)) {
        problem('constraint', `expected no ${JSON.stringify(schema.forbiddenSubstring)}`);
      }
      return;
    case 'integer':
      return visitInteger(value, schema, problem);
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType();
      return;
    case 'stringMap':
      if (!isObject(value)) return wrongType();
      if (schema.maxProperties !== undefined && Object.keys(value).length > schema.maxProperties) {
        problem('constraint', `expected at most ${schema.maxProperties} entries`);
      }
      for (const [key, item] of Object.entries(value)) {
        if (item !== null) visit(item, schema.values, fieldPath(path, key), problems);
      }
      return;
    case 'duration':
      return visitDuration(value, schema.minimum, problem, wrongType);
    case 'enum':
      if (typeof value !== 'string') return wrongType();
      if (!schema.values.includes(value)) problem('not-in-enum', `expected ${describeExpected(schema)}`);
      return;
  }
}

function visitObject(value: { [key: string]: unknown }, schema: ObjectSchema, path: string, problems: Problems): void {
  const known = Object.keys(schema.fields);
  for (const [key, item] of Object.entries(value)) {
    const fieldSchema = Object.prototype.hasOwnProperty.call(schema.fields, key) ? schema.fields[key] : undefined;
    const itemPath = fieldPath(path, key);
    if (!fieldSchema) {
      const suggestion = nearMiss(key, known);
      problems.push({
        kind: 'unknown-field',
        path: itemPath,
        value: item,
        schema,
        field: key,
        parentPath: path,
        reason: 'the schema defines no such field',
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    // The API server prunes a null field unless the schema marks it nullable: it is as if unset.
    if (item === null) continue;
    visit(item, fieldSchema, itemPath, problems);
  }
  for (const name of schema.required ?? []) {
    if (value[name] === undefined || value[name] === null) {
      problems.push({ kind: 'missing-required', path: fieldPath(path, name), value: undefined, schema, reason: `expected the required field ${JSON.stringify(name)}` });
    }
  }
  for (const group of schema.mutuallyExclusive ?? []) {
    const set = group.filter((name) => value[name] !== undefined && value[name] !== null);
    if (set.length > 1) {
      problems.push({ kind: 'constraint', path, value, schema, reason: `expected at most one of ${group.join(', ')}` });
    }
  }
}

function visitInteger(value: unknown, schema: IntegerSchema, problem: ReportProblem): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problem('wrong-type', `expected ${describeExpected(schema)}`);
  } else if (value < schema.minimum || value > schema.maximum) {
    problem('out-of-range', `expected ${describeExpected(schema)}`);
  }
}

function visitDuration(value: unknown, minimum: string | undefined, problem: ReportProblem, wrongType: () => void): void {
  if (typeof value !== 'string') return wrongType();
  const nanos = parseDuration(value);
  if (nanos === undefined) return problem('invalid-duration', 'expected a duration such as "500ms", "1.5s" or "1m"');
  const least = minimum === undefined ? undefined : parseDuration(minimum);
  if (least !== undefined && nanos < least) problem('constraint', `expected at least ${minimum}`);
}
