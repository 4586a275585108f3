/**
 * A syntax problem found in one value, tied to the engine rule that reports it.
 *
 * `reason` is a phrase that completes a sentence quoting the bad value, for example
 * `expected "<namespace>/<dnsName>", e.g. "*\/foo.com"`. The value object factories
 * prefix it with `Invalid <thing> "<value>": `; the engine rules with their own context.
 */
export interface SyntaxProblem {
  readonly ruleId: string;
  readonly reason: string;
}
