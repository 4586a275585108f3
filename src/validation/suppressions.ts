import { IConstruct } from 'constructs';
import { Suppression } from '../analysis/manifest';
import { findRule } from '../analysis/rules';
import { MIN_REASON_LENGTH, SUPPRESS_ANNOTATION, readSuppressAnnotation, renderSuppressAnnotation } from '../analysis/suppression-annotation';

/** Node metadata type under which suppressions are stored (survives two copies of the package). */
const METADATA_TYPE = 'cdk8s-istio-sidecar:suppression';

/**
 * Switches validation rules off for a construct and everything below it, with a reason.
 *
 * Suppressed findings fail nothing, and still appear (with their reason) in the report the
 * app writes to its output folder. On this library's Sidecars and ServiceEntries the
 * suppressions are also written into the `cdk8s-istio-sidecar.io/suppress` annotation, so the
 * lint CLI and the cdk8s-cli plugin honour them too; on other objects, write that annotation
 * yourself (a JSON object from rule id to reason) for them to.
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

  /** The suppressions that apply to `construct`: its own and its ancestors'. */
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
 * `json` (an object rendered by `construct`) with the suppressions that apply to the construct
 * merged into its suppress annotation.
 */
export function withSuppressAnnotation(json: any, construct: IConstruct): any {
  const suppressions = RuleSuppressions.of(construct);
  if (suppressions.length === 0) return json;
  const annotations = json.metadata?.annotations ?? {};
  const written = readSuppressAnnotation(json);
  // An unreadable annotation written by hand stays as it is, for S-SUPPRESS-ANNOTATION to report.
  if (written && 'problem' in written) return json;
  const existing = written?.suppressions ?? [];
  // Keys stay sorted, as cdk8s renders them.
  const merged = sorted({ ...annotations, [SUPPRESS_ANNOTATION]: renderSuppressAnnotation([...existing, ...suppressions]) });
  return { ...json, metadata: sorted({ ...json.metadata, annotations: merged }) };
}

function sorted(object: { [key: string]: unknown }): { [key: string]: unknown } {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}
