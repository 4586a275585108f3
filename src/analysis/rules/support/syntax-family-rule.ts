import { Severity } from '../../finding';
import { objectMemo } from '../../object-memo';
import { RuleDocs, RuleSource, SidecarRule } from '../../rule';
import { SidecarResource } from '../../snapshot';
import { memoByText } from '../../syntax/memo-by-text';
import { SyntaxProblem } from '../../syntax/problem';

/**
 * What a family of rules shares: the values it checks, the one parser, how a message starts.
 * The values are the view's own items (`I`), read through `text` and `pathOf`: a clean value then
 * costs no object and no path string, which at 100k Sidecars is what the family spent most on.
 */
export interface SyntaxFamily<I> {
  /** The items that may hold a value, in order. */
  readonly items: (sidecar: SidecarResource) => readonly I[];
  /** The item's value to check; undefined when it holds none. */
  readonly text: (item: I) => string | undefined;
  /** Where the value is, e.g. `spec.egress[0].hosts[1]`: read only for a value with problems. */
  readonly pathOf: (item: I) => string;
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
export function syntaxFamilyRule<I>(family: SyntaxFamily<I>, docs: SyntaxRuleDocs): SidecarRule {
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

interface ValueProblems {
  readonly value: string;
  readonly path: string;
  readonly problems: readonly SyntaxProblem[];
}

const NONE: readonly ValueProblems[] = [];
const familyCaches = new WeakMap<SyntaxFamily<any>, (sidecar: SidecarResource) => readonly ValueProblems[]>();

/**
 * The family's problems of each Sidecar, parsed once for all the family's rules (six rules read
 * each egress host) and kept only for the values that have any: on a clean Sidecar every rule of
 * the family then reads one shared empty list.
 */
function familyProblems<I>(family: SyntaxFamily<I>): (sidecar: SidecarResource) => readonly ValueProblems[] {
  let cached = familyCaches.get(family);
  if (cached) return cached;
  // Most Sidecars of a mesh write the same values ("./*", "istio-system/*"): each text is parsed
  // once, and its (frozen) result shared by every Sidecar that writes it.
  const parse = memoByText((value: string) => Object.freeze([...family.problems(value)]));
  cached = objectMemo('syntaxFamilyProblems', (sidecar: SidecarResource) => {
    const list: ValueProblems[] = [];
    for (const item of family.items(sidecar)) {
      const value = family.text(item);
      if (value === undefined) continue;
      const problems = parse(value);
      if (problems.length > 0) list.push({ value, path: family.pathOf(item), problems });
    }
    return list.length > 0 ? list : NONE;
  });
  familyCaches.set(family, cached);
  return cached;
}
