import { Severity } from '../../finding';
import { RuleDocs, RuleSource, SidecarRule } from '../../rule';
import { SidecarResource } from '../../snapshot';
import { SyntaxProblem } from '../../syntax/problem';

/** One value a family of syntax rules checks, and where it is. */
export interface CheckedValue {
  readonly value: string;
  readonly path: string;
}

/** What a family of rules shares: the values it checks, the one parser, how a message starts. */
export interface SyntaxFamily {
  readonly values: (sidecar: SidecarResource) => readonly CheckedValue[];
  readonly problems: (value: string) => readonly SyntaxProblem[];
  /** e.g. `egress host "foo.com"`: the message goes on with "is invalid: <reason>". */
  readonly describe: (value: string) => string;
}

export type SyntaxRuleDocs = Omit<RuleDocs, 'severity' | 'sources' | 'references'>;

/**
 * A rule of a family that shares one parser with the value objects (`EgressHost.parse`,
 * `Endpoint.parse`): the parser ties each problem to a rule id, and each rule reports its own.
 * What the webhook rejects: errors, IST0106.
 */
export function syntaxFamilyRule(family: SyntaxFamily, docs: SyntaxRuleDocs): SidecarRule {
  return {
    ...docs,
    scope: 'sidecar',
    severity: Severity.ERROR,
    sources: [RuleSource.WEBHOOK],
    references: ['IST0106'],
    check(sidecar, report) {
      for (const { value, path } of family.values(sidecar)) {
        for (const problem of family.problems(value)) {
          if (problem.ruleId === docs.id) report(path, `${family.describe(value)} is invalid: ${problem.reason}`);
        }
      }
    },
  };
}
