import { Severity } from '../../finding';
import { objectMemo } from '../../object-memo';
import { RuleDocs, RuleSource, SidecarRule } from '../../rule';
import { SidecarResource } from '../../snapshot';
import { memoByText } from '../../syntax/memo-by-text';
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
  const problemsOf = familyProblems(family);
  return {
    ...docs,
    scope: 'sidecar',
    severity: Severity.ERROR,
    sources: [RuleSource.WEBHOOK],
    references: ['IST0106'],
    check(sidecar, report) {
      for (const { value, path, problems } of problemsOf(sidecar)) {
        for (const problem of problems) {
          if (problem.ruleId === docs.id) report(path, `${family.describe(value)} is invalid: ${problem.reason}`);
        }
      }
    },
  };
}

interface ValueProblems extends CheckedValue {
  readonly problems: readonly SyntaxProblem[];
}

const NONE: readonly ValueProblems[] = [];
const familyCaches = new WeakMap<SyntaxFamily, (sidecar: SidecarResource) => readonly ValueProblems[]>();

/**
 * The family's problems of each Sidecar, parsed once for all the family's rules (six rules read
 * each egress host) and kept only for the values that have any: on a clean Sidecar every rule of
 * the family then reads one shared empty list.
 */
function familyProblems(family: SyntaxFamily): (sidecar: SidecarResource) => readonly ValueProblems[] {
  let cached = familyCaches.get(family);
  if (cached) return cached;
  // Most Sidecars of a mesh write the same values ("./*", "istio-system/*"): each text is parsed
  // once, and its (frozen) result shared by every Sidecar that writes it.
  const parse = memoByText((value: string) => Object.freeze([...family.problems(value)]));
  cached = objectMemo('syntaxFamilyProblems', (sidecar: SidecarResource) => {
    const list: ValueProblems[] = [];
    for (const { value, path } of family.values(sidecar)) {
      const problems = parse(value);
      if (problems.length > 0) list.push({ value, path, problems });
    }
    return list.length > 0 ? list : NONE;
  });
  familyCaches.set(family, cached);
  return cached;
}
