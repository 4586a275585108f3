import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Suppression } from '../analysis/manifest';
import { kindsConcernedBy } from '../analysis/rule-kinds';
import { findRule } from '../analysis/rules';
import { MIN_REASON_LENGTH, SUPPRESS_ANNOTATION, readSuppressAnnotation, renderSuppressAnnotation } from '../analysis/suppression-annotation';

/** Node metadata type under which suppressions are stored (survives two copies of the package). */
const METADATA_TYPE = 'cdk8s-istio-sidecar:suppression';

/**
 * Switches validation rules off for a construct and everything below it, with a reason.
 *
 * Suppressed findings fail nothing, and still appear (with their reason) in the findings and
 * in the JSON report when one is asked for. The suppressions are also written into the
 * `cdk8s-istio-sidecar.io/suppress` annotation of every object below `scope` that the rule can
 * report on (this library's objects, `Include`d and raw ApiObjects alike), so the lint CLI and
 * the cdk8s-cli plugin honour them as synth does.
 */
export class RuleSuppressions {
  /**
   * Suppresses the rule `ruleId` for `scope` and its whole subtree.
   *
   * @param scope the construct (a Sidecar, a chart, ...) whose objects the rule skips
   * @param ruleId a rule id from docs/RULES.md, e.g. `S-NAME-DEFAULT`
   * @param reason why the rule does not apply here, at least 10 characters
   */
  public static add(scope: IConstruct, ruleId: string, reason: string): void {
    if (!findRule(ruleId)) {
      throw new Error(`Cannot suppress unknown rule "${ruleId}" at "${scope.node.path}": use a rule id from docs/RULES.md, e.g. "S-NAME-DEFAULT"`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(
        `Cannot suppress rule "${ruleId}" at "${scope.node.path}" with reason ${JSON.stringify(reason)}: `
        + `give a reason of at least ${MIN_REASON_LENGTH} characters saying why the rule does not apply`,
      );
    }
    const suppression: Suppression = { ruleId, reason: reason.trim() };
    scope.node.addMetadata(METADATA_TYPE, suppression);
  }

  /**
   * The suppressions that apply to `construct`: its own and its ancestors'.
   *
   * @param construct any construct of the app
   */
  public static of(construct: IConstruct): Suppression[] {
    const result: Suppression[] = [];
    for (const scope of construct.node.scopes) {
      for (const entry of scope.node.metadata) {
        if (entry.type === METADATA_TYPE) result.push(entry.data as Suppression);
      }
    }
    return result;
  }

  private constructor() {}
}

/**
 * The suppress annotation `json` (an object rendered by `construct`) should carry: the one it
 * has, merged with the suppressions that apply to the construct, keeping only those whose rule
 * can report on or about an object of its kind. Undefined when it should carry none, and when
 * the annotation it has cannot be read (it stays as written, for S-SUPPRESS-ANNOTATION).
 */
export function suppressAnnotationFor(json: any, construct: IConstruct): string | undefined {
  const kind = typeof json?.kind === 'string' ? json.kind : '';
  const suppressions = RuleSuppressions.of(construct).filter((s) => ruleConcernsKind(s.ruleId, kind));
  if (suppressions.length === 0) return undefined;
  const written = readSuppressAnnotation(json);
  if (written && 'problem' in written) return undefined;
  return renderSuppressAnnotation([...(written?.suppressions ?? []), ...suppressions]);
}

/** `json` with the annotation `suppressAnnotationFor` gives, for this library's own objects at render. */
export function withSuppressAnnotation(json: any, construct: IConstruct): any {
  const value = suppressAnnotationFor(json, construct);
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
 * cdk8s renders into every later `toJson()`; merging with what `json` already has makes it
 * idempotent across validation passes.
 */
export function annotateSuppressions(apiObject: ApiObject, json: any): void {
  const value = suppressAnnotationFor(json, apiObject);
  if (value !== undefined && value !== json?.metadata?.annotations?.[SUPPRESS_ANNOTATION]) {
    apiObject.metadata.addAnnotation(SUPPRESS_ANNOTATION, value);
  }
}

function ruleConcernsKind(ruleId: string, kind: string): boolean {
  const rule = findRule(ruleId);
  return rule !== undefined && kindsConcernedBy(rule).includes(kind);
}

function sorted(object: { [key: string]: unknown }): { [key: string]: unknown } {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}
