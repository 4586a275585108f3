import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, dirname, join } from 'path';
import { analyze } from '../../src/analysis/engine';
import { Severity } from '../../src/analysis/finding';
import { RulePack } from '../../src/analysis/rule-pack';
import { PACK_RULES, RULES, findRule, rulesFor } from '../../src/analysis/rules';

/** Every registered rule: the default ones and the opt-in packs'. */
const ALL_RULES = [...RULES, ...PACK_RULES];

const RULE_TESTS = join(__dirname, 'rules');
const RULE_SOURCES = join(__dirname, '..', '..', 'src', 'analysis', 'rules');
const ANALYSIS_SOURCES = join(__dirname, '..', '..', 'src', 'analysis');
// Shared code of the rules (views, factories, example manifests), kept apart from them.
const SUPPORT = 'support';

// Re-exports left at a helper's old place for an importer outside this part of the code base.
const FORWARDING_STUBS: ReadonlySet<string> = new Set(['mesh/mesh-examples.ts']);

/** The file name a rule's source and its case table take: its id in lower case. */
const fileNameOf = (id: string) => id.toLowerCase();

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? testFiles(full) : name.endsWith('.test.ts') ? [full] : [];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Each rule group's files other than its index: `group/file` -> ids the file declares. */
function ruleFiles(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const group of readdirSync(RULE_SOURCES)) {
    const dir = join(RULE_SOURCES, group);
    if (group === SUPPORT || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (name === 'index.ts' || FORWARDING_STUBS.has(`${group}/${name}`)) continue;
      files.set(`${group}/${name}`, Array.from(readFileSync(join(dir, name), 'utf8').matchAll(/^\s*id: '([^']+)'/gm), (m) => m[1]));
    }
  }
  return files;
}

/** Relative imports of the TypeScript files under `dir`, as a graph of absolute paths without extension. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const from = file.replace(/\.ts$/, '');
    const targets = Array.from(readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*? from '(\.{1,2}\/[^']+)'/gm), (m) => {
      const target = join(dirname(file), m[1]);
      return existsSync(`${target}.ts`) ? target : join(target, 'index');
    });
    graph.set(from, targets);
  }
  return graph;
}

/** One import cycle of the graph, as a list of files, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Rule ids given to describeRule('ID', ...) in the rule test tables. */
function caseTables(): Array<{ file: string; id: string }> {
  return testFiles(RULE_TESTS).flatMap((file) =>
    Array.from(readFileSync(file, 'utf8').matchAll(/describeRule\('([^']+)'/g), (m) => ({ file, id: m[1] })));
}

function idsWithCaseTables(): string[] {
  return caseTables().map((t) => t.id);
}

describe('rule registry', () => {
  test('has rules', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  test('ids are unique and well-formed', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of RULES.map((r) => r.id)) expect(id).toMatch(/^[SX](-[A-Z0-9]+)+$/);
    for (const id of PACK_RULES.map((r) => r.id)) expect(id).toMatch(/^P(-[A-Z0-9]+)+$/);
  });

  test('pack rules are in no default run, each names its pack, and rulesFor adds them', () => {
    expect(RULES.filter((r) => r.pack !== undefined)).toEqual([]);
    for (const rule of PACK_RULES) expect(Object.values(RulePack)).toContain(rule.pack);
    expect(rulesFor([])).toBe(RULES);
    expect(rulesFor([RulePack.LEAST_PRIVILEGE]).map((r) => r.id)).toEqual([...RULES, ...PACK_RULES].map((r) => r.id));
    for (const rule of PACK_RULES) expect(findRule(rule.id)).toBe(rule);
  });

  test.each(ALL_RULES.map((r) => [r.id, r] as const))('%s is documented', (_id, rule) => {
    expect(Object.values(Severity)).toContain(rule.severity);
    for (const text of [rule.title, rule.why, rule.fix]) expect(text.trim().length).toBeGreaterThan(10);
    expect(rule.sources.length).toBeGreaterThan(0);
    expect(rule.examples.failing.length).toBeGreaterThan(0);
    expect(rule.examples.passing.length).toBeGreaterThan(0);
  });

  test.each(ALL_RULES.map((r) => [r.id, r] as const))('%s: its documented examples behave as documented', (_id, rule) => {
    const run = (manifests: readonly unknown[]) =>
      analyze(manifests.map((manifest) => ({ manifest })), { rules: [rule] }).filter((f) => f.ruleId === rule.id);
    expect(run(rule.examples.failing).length).toBeGreaterThan(0);
    expect(run(rule.examples.passing)).toEqual([]);
  });

  test('every rule has exactly one case table, and every case table names a registered rule', () => {
    const tabled = idsWithCaseTables().sort();
    expect(tabled).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  test('every rule lives in a file of its group named after its id, one rule per file, helpers apart', () => {
    const files = ruleFiles();
    const misnamed = [...files].filter(([file, ids]) => ids.length !== 1 || basename(file) !== `${fileNameOf(ids[0])}.ts`);
    expect(misnamed).toEqual([]);
    const declared = [...files.values()].flat().sort();
    expect(declared).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  test('every case table is named after the rule it tests', () => {
    const misnamed = caseTables().filter(({ file, id }) => basename(file) !== `${fileNameOf(id)}.test.ts`);
    expect(misnamed).toEqual([]);
  });

  test('the engine has no import cycle', () => {
    expect(findCycle(importGraph(ANALYSIS_SOURCES))).toBeUndefined();
  });

  test('the cycle check finds a cycle', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
