import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { analyze } from '../../src/analysis/engine';
import { Severity } from '../../src/analysis/finding';
import { RULES } from '../../src/analysis/rules';

const RULE_TESTS = join(__dirname, 'rules');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? testFiles(full) : name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Rule ids given to describeRule('ID', ...) in the rule test tables. */
function idsWithCaseTables(): string[] {
  return testFiles(RULE_TESTS).flatMap((file) =>
    Array.from(readFileSync(file, 'utf8').matchAll(/describeRule\('([^']+)'/g), (m) => m[1]));
}

describe('rule registry', () => {
  test('has rules', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  test('ids are unique and well-formed', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[SX](-[A-Z0-9]+)+$/);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s is documented', (_id, rule) => {
    expect(Object.values(Severity)).toContain(rule.severity);
    for (const text of [rule.title, rule.why, rule.fix]) expect(text.trim().length).toBeGreaterThan(10);
    expect(rule.sources.length).toBeGreaterThan(0);
    expect(rule.examples.failing.length).toBeGreaterThan(0);
    expect(rule.examples.passing.length).toBeGreaterThan(0);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s: its documented examples behave as documented', (_id, rule) => {
    const run = (manifests: readonly unknown[]) =>
      analyze(manifests.map((manifest) => ({ manifest })), { rules: [rule] }).filter((f) => f.ruleId === rule.id);
    expect(run(rule.examples.failing).length).toBeGreaterThan(0);
    expect(run(rule.examples.passing)).toEqual([]);
  });

  test('every rule has exactly one case table, and every case table names a registered rule', () => {
    const tabled = idsWithCaseTables().sort();
    expect(tabled).toEqual(RULES.map((r) => r.id).sort());
  });
});
