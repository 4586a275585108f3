import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { RuleSuppressions } from './rule-suppressions';
import { ManifestEntry } from '../analysis/manifest';
import { kindsConcernedBy } from '../analysis/rule-kinds';
import { findRule } from '../analysis/rules';
import { Suppression } from '../analysis/suppression';
import { SUPPRESS_ANNOTATION, readSuppressAnnotation, renderSuppressAnnotation } from '../analysis/suppression-annotation';

/**
 * The suppress annotation `json` (a rendered object) should carry: the one it has, merged with
 * `suppressions` (those of its construct), keeping only those whose rule can report on or about
 * an object of its kind. Undefined when it should carry none, and when the annotation it has
 * cannot be read (it stays as written, for S-SUPPRESS-ANNOTATION).
 */
function suppressAnnotationFor(json: any, suppressions: readonly Suppression[]): string | undefined {
  if (suppressions.length === 0) return undefined;
  const kind = typeof json?.kind === 'string' ? json.kind : '';
  const applicable = suppressions.filter((s) => ruleConcernsKind(s.ruleId, kind));
  if (applicable.length === 0) return undefined;
  const written = readSuppressAnnotation(json);
  if (written && 'problem' in written) return undefined;
  return renderSuppressAnnotation([...(written?.suppressions ?? []), ...applicable]);
}

/** `json` with the annotation `suppressAnnotationFor` gives, for this library's own objects at render. */
export function withSuppressAnnotation(json: any, construct: IConstruct): any {
  const value = suppressAnnotationFor(json, RuleSuppressions.of(construct));
  if (value === undefined) return json;
  const annotations = json.metadata?.annotations ?? {};
  // Keys stay sorted, as cdk8s renders them.
  const merged = sorted({ ...annotations, [SUPPRESS_ANNOTATION]: value });
  return { ...json, metadata: sorted({ ...json.metadata, annotations: merged }) };
}

/**
 * Writes the annotation into an object this library does not render (`Include`, raw
 * `ApiObject`, imports, cdk8s-plus), so that its synthesized YAML carries the suppressions too
 * and the CLI and the plugin judge it as synth did. It goes through the object's metadata, which
 * cdk8s renders into every later `toJson()`; merging with what `entry` (the object as collected,
 * with its construct's suppressions) already has makes it idempotent across validation passes.
 * Says whether it wrote, which makes `entry` no longer what the object renders.
 */
export function annotateSuppressions(apiObject: ApiObject, entry: ManifestEntry): boolean {
  const json: any = entry.manifest;
  const value = suppressAnnotationFor(json, entry.suppressions ?? []);
  if (value === undefined || value === json?.metadata?.annotations?.[SUPPRESS_ANNOTATION]) return false;
  apiObject.metadata.addAnnotation(SUPPRESS_ANNOTATION, value);
  return true;
}

function ruleConcernsKind(ruleId: string, kind: string): boolean {
  const rule = findRule(ruleId);
  return rule !== undefined && kindsConcernedBy(rule).includes(kind);
}

function sorted(object: { [key: string]: unknown }): { [key: string]: unknown } {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}
