/** A rule switched off for one object, with the reason it does not apply. */
export interface Suppression {
  /** The id of the rule, e.g. `S-NAME-DEFAULT`. */
  readonly ruleId: string;
  /** Why the rule does not apply here. */
  readonly reason: string;
}
