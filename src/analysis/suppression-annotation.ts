import { JsonObject, isObject, objectAt, stringAt } from './manifest';
import { Suppression } from './suppression';

/**
 * The annotation that carries suppressions in the YAML itself, so the CLI and the cdk8s-cli
 * plugin honour what the app suppressed: a JSON object from rule id to reason, e.g.
 * `{"S-NAME-DEFAULT": "legacy name kept until the namespace migrates"}`.
 */
export const SUPPRESS_ANNOTATION = 'cdk8s-istio-sidecar.io/suppress';

export const MIN_REASON_LENGTH = 10;

/** The annotation's value read as JSON, or a problem with it; undefined when there is none. */
export function readSuppressAnnotation(manifest: JsonObject): { suppressions: Suppression[] } | { problem: string } | undefined {
  const text = stringAt(objectAt(objectAt(manifest, 'metadata'), 'annotations'), SUPPRESS_ANNOTATION);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is not JSON' };
  }
  if (!isObject(value)) return { problem: 'it is not a JSON object' };
  const suppressions: Suppression[] = [];
  for (const [ruleId, reason] of Object.entries(value)) {
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      return { problem: `the reason for "${ruleId}" is not a text of at least ${MIN_REASON_LENGTH} characters` };
    }
    suppressions.push({ ruleId, reason: reason.trim() });
  }
  return { suppressions };
}

/** Renders suppressions as the annotation's value (sorted, so output is stable). */
export function renderSuppressAnnotation(suppressions: readonly Suppression[]): string {
  const byId: { [ruleId: string]: string } = {};
  for (const s of [...suppressions].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))) {
    byId[s.ruleId] = byId[s.ruleId] ?? s.reason;
  }
  return JSON.stringify(byId);
}
