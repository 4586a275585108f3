// How Istio's webhook reads the fields of sidecar ingress TLS settings.
import { JsonObject } from '../../manifest';
import { SERVER_TLS_SCHEMA } from '../../schema/model';

/** Modes that terminate TLS with file certificates: the ones sidecar ingress is meant for. */
export const TERMINATING_MODES: readonly string[] = ['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'];

/**
 * The mode Istio acts on: an omitted (or null) mode is the proto zero value, PASSTHROUGH.
 * Undefined when the mode is not a string (the schema rule reports that).
 */
export function effectiveMode(tls: JsonObject): string | undefined {
  const mode = tls.mode;
  if (mode === undefined || mode === null) return 'PASSTHROUGH';
  return typeof mode === 'string' ? mode : undefined;
}

/**
 * Whether a field counts as set the way Istio's webhook tests it: a non-empty string or list,
 * or true, by the field's type in the schema model. A value of the wrong type is not set here
 * (the schema rule reports it).
 */
export function isSet(tls: JsonObject, key: string): boolean {
  const value = tls[key];
  const type = Object.prototype.hasOwnProperty.call(SERVER_TLS_SCHEMA.fields, key) ? SERVER_TLS_SCHEMA.fields[key].type : undefined;
  if (type === 'array') return Array.isArray(value) && value.length > 0;
  if (type === 'boolean') return value === true;
  return typeof value === 'string' && value.length > 0;
}

/** A string field that is missing or empty; a wrong-typed value is the schema rule's to report. */
export function isMissingText(tls: JsonObject, key: string): boolean {
  const value = tls[key];
  return value === undefined || value === null || value === '';
}
