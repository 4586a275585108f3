import { IConstruct } from 'constructs';
import { findRule } from '../analysis/rules';
import { Suppression } from '../analysis/suppression';
import { MIN_REASON_LENGTH } from '../analysis/suppression-annotation';

/** Node metadata type under which suppressions are stored (survives two copies of the package). */
const METADATA_TYPE = 'cdk8s-istio-sidecar:suppression';

/**
 * Switches validation rules off for a construct and everything below it, with a reason.
 *
 * Suppressed findings fail nothing, and still appear (with their reason) in the findings and
 * in the JSON report when one is asked for. The suppressions are also written into the
 * `cdk8s-istio-sidecar.io/suppress` annotation of every object below `scope` that the rule can
 * report on (this library's objects, `Include`d and raw ApiObjects alike), so the lint CLI and
 * the cdk8s-cli plugin honour them as synth does. On objects this library does not render, the
 * annotation is added to the object's metadata when synth validates the app, and stays there.
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
