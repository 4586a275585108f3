import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { SchemaNode } from '../../schema/model';
import { SchemaProblem, describeExpected, describeValue } from '../../schema/walker';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

// The model gives this rule the wrong types, ranges and enum values no other rule owns (each
// node names the owner of its own problems: captureMode, outboundTrafficPolicy.mode, listener
// port numbers and null listeners have rules that explain them better).

const SCALAR_TYPES: ReadonlyArray<SchemaNode['type']> = ['string', 'duration', 'enum'];

/** How to fix a value of the wrong type, as precisely as the value allows. */
function fixFor(value: unknown, schema: SchemaNode): string {
  if (value === null) return 'remove the empty item';
  if (schema.type === 'integer') {
    if (typeof value === 'string' && /^[+-]?[0-9]+$/.test(value.trim())) return `write ${value.trim()} without quotes`;
    if (typeof value === 'number') return 'use a whole number';
  }
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return `write ${value} without quotes`;
  if (SCALAR_TYPES.includes(schema.type) && (typeof value === 'number' || typeof value === 'boolean')) {
    return `quote it: "${String(value)}"`;
  }
  if (schema.type === 'array' && typeof value === 'string' && SCALAR_TYPES.includes(schema.items.type)) {
    return `write it as a list: [${JSON.stringify(value)}]`;
  }
  return `change it to ${describeExpected(schema)}`;
}

function messageFor(problem: SchemaProblem): string {
  const found = `${problem.path} is ${describeValue(problem.value)}`;
  if (problem.kind === 'out-of-range' && problem.schema.type === 'integer') {
    const { minimum, maximum } = problem.schema;
    return `${found}, outside the Sidecar CRD's range ${minimum}..${maximum}, so the API server rejects the Sidecar; use a number in that range`;
  }
  return `${found}, but the Sidecar CRD expects ${describeExpected(problem.schema)} here, so the API server rejects the Sidecar; ${fixFor(problem.value, problem.schema)}`;
}

export const crdTypes = schemaRule({
  id: 'S-CRD-TYPES',
  severity: Severity.ERROR,
  title: 'Every field under spec has the type, numeric range and enum value the Sidecar CRD declares',
  why: 'The API server rejects a Sidecar whose fields have the wrong type (a string where a list or a number belongs, a quoted number, a non-string label value) or a number outside the CRD\'s range, or a value outside one of its enums (TLS mode and protocol versions, h2UpgradePolicy).',
  fix: 'Write each field with the type the Sidecar CRD declares: lists as lists, numbers and booleans without quotes, label values as strings.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: '9080', protocol: 'HTTP' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP' } }] })],
  },
}, messageFor);
