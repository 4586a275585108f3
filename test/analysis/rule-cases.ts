// The harness every rule's test table uses: named good, bad and suppressed cases through the
// real engine, so a rule is judged exactly as the app, the CLI and the plugin judge it.
import { analyze } from '../../src/analysis/engine';
import { Finding } from '../../src/analysis/finding';
import { ManifestEntry } from '../../src/analysis/manifest';
import { Rule } from '../../src/analysis/rule';
import { findRule } from '../../src/analysis/rules';
import { sidecarManifest } from '../../src/analysis/rules/example-manifests';

export { sidecarManifest };

export interface RuleCase {
  /** Says the behaviour, e.g. 'two ingress listeners on port 80 with different binds -> error'. */
  readonly name: string;
  /** The Sidecar's spec (a Sidecar "example" in namespace "prod" is built around it)... */
  readonly spec?: unknown;
  /** ...or the whole input. */
  readonly manifests?: readonly unknown[];
  /** MeshConfig root namespace for this case. */
  readonly rootNamespace?: string;
}

export interface BadCase extends RuleCase {
  /** Field path of the finding (every finding of the rule, when `count` > 1, must be listed in `paths`). */
  readonly path?: string;
  /** Paths of all findings of the rule, in order. */
  readonly paths?: readonly string[];
  /** The exact message, or a pattern it must match. */
  readonly message?: string | RegExp;
  /** How many findings of the rule (default: at least one). */
  readonly count?: number;
}

export interface RuleCaseTable {
  readonly good: readonly RuleCase[];
  readonly bad: readonly BadCase[];
}

function entriesOf(c: RuleCase, suppressWith?: string): ManifestEntry[] {
  const manifests = c.manifests ?? [sidecarManifest(c.spec)];
  return manifests.map((manifest, i) => ({
    manifest,
    location: `case/${i}`,
    ...(suppressWith ? { suppressions: [{ ruleId: suppressWith, reason: 'accepted for this test case' }] } : {}),
  }));
}

/** The findings of one rule (only that rule runs) for a case. */
export function findingsOf(rule: Rule, c: RuleCase, suppress = false): Finding[] {
  return analyze(entriesOf(c, suppress ? rule.id : undefined), { rules: [rule], rootNamespace: c.rootNamespace })
    .filter((f) => f.ruleId === rule.id);
}

/**
 * Declares a registered rule's case table as jest tests: good cases are silent, bad cases
 * report, and the first bad case, suppressed, is reported as suppressed. The registry test
 * reads these calls to prove every rule has a table, so pass the id as a string literal.
 */
export function describeRule(ruleId: string, table: RuleCaseTable): void {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`describeRule: no registered rule has the id "${ruleId}"`);
  describe(`${rule.id}: ${rule.title}`, () => {
    if (table.good.length === 0 || table.bad.length === 0) {
      throw new Error(`${rule.id}: a rule's table needs at least one good and one bad case`);
    }
    test.each(table.good.map((c) => [c.name, c] as const))('good: %s', (_name, c) => {
      expect(findingsOf(rule, c).map((f) => f.message)).toEqual([]);
    });
    test.each(table.bad.map((c) => [c.name, c] as const))('bad: %s', (_name, c) => {
      const findings = findingsOf(rule, c);
      expect(findings.length).toBeGreaterThan(0);
      if (c.count !== undefined) expect(findings).toHaveLength(c.count);
      for (const f of findings) expect(f.severity).toBeDefined();
      if (c.path !== undefined) expect(findings.map((f) => f.path)).toContain(c.path);
      if (c.paths !== undefined) expect(findings.map((f) => f.path)).toEqual(c.paths);
      if (typeof c.message === 'string') expect(findings.map((f) => f.message)).toContain(c.message);
      if (c.message instanceof RegExp) expect(findings.some((f) => (c.message as RegExp).test(f.message))).toBe(true);
    });
    test(`suppressed: ${table.bad[0].name}, suppressed with a reason -> reported as suppressed, not failing`, () => {
      const findings = findingsOf(rule, table.bad[0], true);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.suppressedReason === 'accepted for this test case')).toBe(true);
    });
  });
}
