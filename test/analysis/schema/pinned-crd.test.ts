// The model against the Sidecar CRD of the release it is pinned to (PINNED_CRD), as published
// in @kubernetes-models/istio: its compiled validator for the structural constraints (types,
// ranges, enums, required fields, lengths and counts), its TypeScript declaration for the field
// names and types. The CRD's CEL rules (durations, "*", exclusive fields) are not in the
// validator: the rules' case tables cover them.
import { spawnSync } from 'child_process';
import { join } from 'path';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { fieldPath } from '../../../src/analysis/manifest';
import {
  ArraySchema, IntegerSchema, ObjectSchema, PINNED_CRD, SIDECAR_SPEC_SCHEMA, SchemaNode, SchemaProblemKind,
  fieldsNewerThanPinnedRelease, schemaProblems,
} from '../../../src/analysis/schema';

const SEED = 424242;
const ROOT = join(__dirname, '..', '..', '..');
const PACKAGE_DIR = join(ROOT, 'node_modules', ...PINNED_CRD.package.split('/'));

/** Problems the validator checks too; the rest come from CEL rules or from pruning, which it does not model. */
const STRUCTURAL: ReadonlySet<SchemaProblemKind> = new Set<SchemaProblemKind>([
  'wrong-type', 'not-integer', 'out-of-range', 'not-in-enum', 'null-item', 'missing-required', 'too-long', 'item-count', 'property-count',
]);

// The package is ESM only and jest runs CommonJS: one child process validates the whole batch.
const VALIDATE_BATCH = `
import { Sidecar } from '${PINNED_CRD.package}/networking.istio.io/v1/Sidecar';
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((spec) => {
    try {
      new Sidecar({ metadata: { name: 'pinned' }, spec }).validate();
      return [];
    } catch (error) {
      if (!Array.isArray(error.errors)) throw error;
      return error.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params }));
    }
  });
  process.stdout.write(JSON.stringify(results));
});
`;

interface ValidatorError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: { readonly missingProperty?: string };
}

function validateWithPinnedCrd(specs: readonly unknown[]): ValidatorError[][] {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', VALIDATE_BATCH], {
    cwd: ROOT, input: JSON.stringify(specs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the pinned validator failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** `/spec/egress/0/hosts` -> `spec.egress[0].hosts`, the way the model writes paths (generated keys are never all digits). */
function modelPath(pointer: string): string {
  const [, ...segments] = pointer.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.slice(1).reduce<string>((path, s) => fieldPath(path, /^\d+$/.test(s) ? Number(s) : s), segments[0] ?? '');
}

/** Where the validator rejects a spec, as model paths (a missing field at the field's own path). */
function validatorPaths(errors: readonly ValidatorError[]): string[] {
  const paths = errors.map((e) => (e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath));
  return [...new Set(paths.filter((p) => p === '/spec' || p.startsWith('/spec/')).map(modelPath))].sort();
}

function modelPaths(spec: unknown, schema: SchemaNode = SIDECAR_SPEC_SCHEMA): string[] {
  const problems = schemaProblems(spec, schema, 'spec').filter((p) => STRUCTURAL.has(p.kind));
  return [...new Set(problems.map((p) => p.path))].sort();
}

// ---------------------------------------------------------------------------------------------
// Specs: every field the model knows, with values on and just beyond each limit, wrong types,
// unknown fields, missing required fields and null list items. Never a null field: the API
// server prunes those before validating, which the generated validator does not model.

const WRONG_TYPES: readonly unknown[] = [7, 1.5, 'text', true, [], {}];
const wrong = fc.constantFrom(...WRONG_TYPES);

/** Mostly valid values, with a mistake about once in `common + 1`. */
function mostly(valid: fc.Arbitrary<unknown>, mistakes: fc.Arbitrary<unknown>, common = 12): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: common }, { arbitrary: mistakes, weight: 1 });
}

function integerValues(node: IntegerSchema): fc.Arbitrary<unknown> {
  const inRange = fc.constantFrom(node.minimum, node.maximum, 0, 80);
  return mostly(inRange, fc.constantFrom(node.minimum - 1, node.maximum + 1, 0.5, -2.5, node.maximum + 0.5), 6);
}

function stringValues(maxLength: number | undefined): fc.Arbitrary<unknown> {
  const plain = fc.oneof(fc.constantFrom('', 'a', './*', 'HTTP', '*'), fc.string({ maxLength: 6 }));
  if (maxLength === undefined) return plain;
  // Astral characters are two UTF-16 units but one character for the API server.
  const atLimit = fc.constantFrom('x'.repeat(maxLength), '\u{1F600}'.repeat(maxLength));
  const overLimit = fc.constantFrom('x'.repeat(maxLength + 1), '\u{1F600}'.repeat(maxLength + 1));
  return mostly(fc.oneof(plain, atLimit), overLimit, 4);
}

function arrayValues(node: ArraySchema): fc.Arbitrary<unknown> {
  const item = mostly(specFrom(node.items), fc.constant(null), 20);
  const { minItems = 0, maxItems = 2 } = node;
  const tooMany = fc.array(item, { minLength: maxItems + 1, maxLength: maxItems + 1 });
  const tooFew = minItems > 0 ? fc.constant([]) : tooMany;
  return mostly(fc.array(item, { minLength: minItems, maxLength: maxItems }), fc.oneof(tooMany, tooFew), 8);
}

function objectValues(node: ObjectSchema): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(node.fields).map(([name, child]) => [name, specFrom(child)]));
  const record = fc.record(fields, { requiredKeys: [] });
  const unknownField = fc.tuple(record, fc.constantFrom('hostz', 'extra', 'Port'), fc.jsonValue({ maxDepth: 1 })).map(([r, k, v]) => ({ ...r, [k]: v }));
  return fc.oneof({ arbitrary: record, weight: 6 }, { arbitrary: unknownField, weight: 1 });
}

function specFrom(node: SchemaNode): fc.Arbitrary<unknown> {
  const right = ((): fc.Arbitrary<unknown> => {
    switch (node.type) {
      case 'object': return objectValues(node);
      case 'array': return arrayValues(node);
      case 'string': return stringValues(node.maxLength);
      case 'integer': return integerValues(node);
      case 'boolean': return fc.boolean();
      case 'enum': return mostly(fc.constantFrom(...node.values), fc.constantFrom(node.values[0].toLowerCase(), 'BOGUS'), 8);
      case 'duration': return fc.constantFrom('1s', '0s', '500us', 'soon');
      case 'stringMap': {
        const small = fc.dictionary(fc.constantFrom('app', 'version', 'app.kubernetes.io/name', 'k'), specFrom(node.values), { maxKeys: 3 });
        const limit = node.maxProperties;
        if (limit === undefined) return small;
        const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`label-${i}`, 'x']));
        return fc.oneof({ arbitrary: small, weight: 20 }, { arbitrary: fc.constantFrom(many(limit), many(limit + 1)), weight: 1 });
      }
    }
  })();
  return mostly(right, wrong, 40);
}

/** The model without the fields newer than the pinned release: what that release's CRD must match. */
function asOfPinnedRelease<T extends SchemaNode>(node: T): T {
  if (node.type === 'array') return { ...node, items: asOfPinnedRelease(node.items) };
  if (node.type !== 'object') return node;
  const fields = Object.entries(node.fields)
    .filter(([, child]) => !child.newerThanPinnedRelease)
    .map(([name, child]) => [name, asOfPinnedRelease(child)]);
  return { ...node, fields: Object.fromEntries(fields) };
}

const PINNED_MODEL = asOfPinnedRelease(SIDECAR_SPEC_SCHEMA);
const SPECS = fc.sample(specFrom(PINNED_MODEL), { seed: SEED, numRuns: 400 });

// ---------------------------------------------------------------------------------------------
// Field names and types, from the package's declaration of the Sidecar.

/** `path: type` of every leaf of the pinned Sidecar's spec, read from the package's `.d.ts`. */
function declaredLeaves(): string[] {
  const file = join(PACKAGE_DIR, 'networking.istio.io', 'v1', 'Sidecar.d.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true, types: [], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const declaration = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'ISidecar');
  if (!declaration) throw new Error(`no ISidecar in ${file}`);
  const spec = checker.getTypeAtLocation(declaration).getProperty('spec');
  if (!spec) throw new Error('ISidecar has no spec');
  const leaves: string[] = [];
  const is = (t: ts.Type, flags: ts.TypeFlags) => (t.getFlags() & flags) !== 0; // eslint-disable-line no-bitwise
  const visit = (type: ts.Type, path: string): void => {
    const t = checker.getNonNullableType(type);
    if (t.isUnion() && t.types.every((u) => u.isStringLiteral())) {
      leaves.push(`${path}: enum ${t.types.map((u) => (u as ts.StringLiteralType).value).join('|')}`);
    } else if (is(t, ts.TypeFlags.String)) {
      leaves.push(`${path}: string`);
    } else if (is(t, ts.TypeFlags.Number)) {
      leaves.push(`${path}: number`);
    } else if (is(t, ts.TypeFlags.Boolean) || is(t, ts.TypeFlags.BooleanLiteral)) {
      leaves.push(`${path}: boolean`);
    } else if (checker.isArrayType(t)) {
      visit(checker.getTypeArguments(t as ts.TypeReference)[0], `${path}[]`);
    } else if (t.getStringIndexType()) {
      leaves.push(`${path}: map of ${checker.typeToString(checker.getNonNullableType(t.getStringIndexType()!))}`);
    } else {
      for (const property of t.getProperties()) visit(checker.getTypeOfSymbolAtLocation(property, declaration), `${path}.${property.name}`);
    }
  };
  visit(checker.getTypeOfSymbolAtLocation(spec, declaration), 'spec');
  return leaves.sort();
}

/** The same leaves as the model describes them (durations are strings and integers numbers to TypeScript). */
function modelLeaves(node: SchemaNode, path: string): string[] {
  switch (node.type) {
    case 'object': return Object.entries(node.fields).flatMap(([name, child]) => modelLeaves(child, `${path}.${name}`));
    case 'array': return modelLeaves(node.items, `${path}[]`);
    case 'enum': return [`${path}: enum ${node.values.join('|')}`];
    case 'stringMap': return [`${path}: map of string`];
    case 'integer': return [`${path}: number`];
    case 'duration': return [`${path}: string`];
    default: return [`${path}: ${node.type}`];
  }
}

// ---------------------------------------------------------------------------------------------

describe(`the schema model is pinned to the Sidecar CRD of ${PINNED_CRD.description}`, () => {
  const results = validateWithPinnedCrd(SPECS);
  const disagreements = (schema: SchemaNode) => SPECS.flatMap((spec, i) => {
    const model = modelPaths(spec, schema);
    const validator = validatorPaths(results[i]);
    const onlyModel = model.filter((p) => !validator.includes(p));
    const onlyValidator = validator.filter((p) => !model.includes(p));
    return onlyModel.length + onlyValidator.length === 0 ? [] : [{ spec, onlyModel, onlyValidator }];
  });

  test('the generated specs reach both outcomes, often', () => {
    const rejected = results.filter((errors) => validatorPaths(errors).length > 0).length;
    expect(rejected).toBeGreaterThan(SPECS.length / 4);
    expect(SPECS.length - rejected).toBeGreaterThan(SPECS.length / 20);
  });

  test('the model finds a structural problem exactly where the pinned validator rejects the spec', () => {
    expect(disagreements(PINNED_MODEL).slice(0, 3)).toEqual([]);
  });

  test('a model that drifts from the CRD is caught: a port number limited to 65535', () => {
    const drifted = withPortMaximum(PINNED_MODEL, 65535);
    expect(disagreements(drifted).length).toBeGreaterThan(0);
  });

  test('the model has exactly the fields of the pinned CRD, with its types and enum values, besides those marked newer', () => {
    expect(modelLeaves(PINNED_MODEL, 'spec').sort()).toEqual(declaredLeaves());
  });

  test('the fields marked newer than the pinned release are these (Istio\'s 1.32 development CRD has them)', () => {
    expect(fieldsNewerThanPinnedRelease()).toEqual([
      'spec.inboundConnectionPool.http.http2KeepAlive',
      'spec.ingress[].connectionPool.http.http2KeepAlive',
      'spec.ingress[].tls.ecdhCurves',
      'spec.ingress[].tls.insecureSkipVerify',
    ]);
  });
});

/** The model with every listener port number limited to `maximum`, for the test that the comparison can fail. */
function withPortMaximum(schema: ObjectSchema, maximum: number): ObjectSchema {
  const listener = (node: SchemaNode): SchemaNode => {
    if (node.type !== 'array' || node.items.type !== 'object') return node;
    const port = node.items.fields.port as ObjectSchema;
    const number = { ...(port.fields.number as IntegerSchema), maximum };
    return { ...node, items: { ...node.items, fields: { ...node.items.fields, port: { ...port, fields: { ...port.fields, number } } } } };
  };
  return { ...schema, fields: { ...schema.fields, ingress: listener(schema.fields.ingress), egress: listener(schema.fields.egress) } };
}
