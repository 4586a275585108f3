// Hostile input to the lint CLI (the built bin, in a child process with a time and memory limit)
// and to the engine (`analyze()` directly): each case gives findings or a clear exit-2 error,
// within bounded time and memory, never an unhandled exception or a stack trace.
import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { SEED } from './arbitraries';
import { RULE_FAILURE_ID, analyze } from '../../src/analysis/engine';
import { InputError } from '../../src/cli/input-error';
import { parseYaml } from '../../src/cli/load';
import { builtBin } from '../setup/built-package';

/** Limits of one CLI run: generous for a loaded CI machine, far below what a blow-up takes. */
const CLI_TIMEOUT_MS = 30_000;
const CLI_HEAP_MB = 512;
const CLI_BUDGET_MS = 15_000;

const HEAD = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\n';
const MB = 1024 * 1024;

/** Bytes that look random but are the same on every run (a linear congruential generator). */
function garbage(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = Math.floor(state / 65536) % 256;
  }
  return bytes;
}

/** The classic "billion laughs": each level repeats the one before nine times. */
function billionLaughs(levels = 9, fanout = 9): string {
  const lines = ['l0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array(fanout).fill(`*l${i - 1}`).join(', ')}]`);
  return `${HEAD}spec:\n  egress:\n  - hosts: *l${levels}\n${lines.map((l) => `x-${l}`).join('\n')}\n`;
}

/** One big anchored list, aliased many times: every alias counts once, but the engine walks it whole each time. */
function wideAliases(items = 2000, aliases = 900): string {
  const hosts = Array.from({ length: items }, (_, i) => `"ns/h${i}.example.com"`).join(', ');
  return `${HEAD}spec:\n  egress:\n  - hosts: &h [${hosts}]\n${'  - {hosts: *h}\n'.repeat(aliases)}`;
}

/** Anchored lists each 900 levels deep, each holding the one before at its bottom: 4,500 levels from a few KB. */
function deepAliases(levels = 900, chain = 5): string {
  const lines = Array.from({ length: chain }, (_, i) => `x-a${i}: &a${i} ${'['.repeat(levels)}${i === 0 ? '1' : `*a${i - 1}`}${']'.repeat(levels)}`);
  return `${HEAD}${lines.join('\n')}\nspec:\n  egress:\n  - hosts: *a${chain - 1}\n`;
}

type Expect = 'findings' | 'clean' | 'input-error' | 'any';

interface HostileCase {
  readonly name: string;
  readonly text: () => string | Buffer;
  /** What the run must give: findings (exit 1), clean (exit 0), input-error (exit 2), or any of them. */
  readonly expect: Expect;
}

const CASES: HostileCase[] = [
  { name: 'spec is a string', expect: 'findings', text: () => `${HEAD}spec: "hello"\n` },
  { name: 'lists where objects belong and objects where lists belong', expect: 'findings', text: () => `${HEAD}spec:\n  egress: {hosts: "./*"}\n  ingress: "x"\n  workloadSelector: [1]\n  inboundConnectionPool: []\n  outboundTrafficPolicy: 5\n` },
  { name: 'metadata, labels and hosts of the wrong type', expect: 'findings', text: () => 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: 7\nspec:\n  workloadSelector: {labels: {app: [1], v: {a: 1}, n: 5}}\n  egress: [{hosts: [1, true, {a: b}, [x]]}]\n' },
  { name: 'nulls in lists', expect: 'findings', text: () => `${HEAD}spec:\n  egress: [null, {hosts: [null, ~, "./*"]}, ~]\n  ingress: [null, {port: null}]\n` },
  { name: 'numbers as strings', expect: 'findings', text: () => `${HEAD}spec:\n  ingress: [{port: {number: "80", protocol: HTTP}}]\n  inboundConnectionPool: {tcp: {maxConnections: "10", tcpKeepalive: {probes: "3"}}}\n` },
  { name: 'huge, negative, infinite and NaN numbers', expect: 'findings', text: () => `${HEAD}spec:\n  ingress: [{port: {number: 1e309}}, {port: {number: -1}}, {port: {number: .nan}}, {port: {number: 18446744073709551616}}]\n  egress: [{port: {number: -.inf}, hosts: ["./*"]}]\n  inboundConnectionPool: {tcp: {maxConnections: -5, connectTimeout: 99999999999999999999h}, http: {maxRetries: 99999999999999999999999}}\n` },
  { name: 'a 1 MB host', expect: 'findings', text: () => `${HEAD}spec:\n  egress:\n  - hosts: ["ns/${'a'.repeat(MB)}.com", "${'b'.repeat(MB)}/x.com"]\n` },
  { name: 'a 1 MB unknown field name', expect: 'findings', text: () => `${HEAD}spec: {"${'a'.repeat(MB)}": 1, egress: [{hosts: ["./*"], "${'b'.repeat(MB)}": 2}]}\n` },
  { name: 'a 1 MB label key and value, and a 1 MB duration', expect: 'findings', text: () => `${HEAD}spec:\n  workloadSelector: {labels: {"${'k'.repeat(MB)}": "${'v'.repeat(MB)}"}}\n  inboundConnectionPool: {tcp: {connectTimeout: "${'1'.repeat(MB)}s"}}\n` },
  { name: 'unicode hosts, control characters and right-to-left overrides', expect: 'findings', text: () => `${HEAD}spec:\n  egress:\n  - hosts: ["ns/bücher.例え.テスト", "ñ/☃.com", "\\u0000/\\uffff", "./\\u202egro.elpmaxe", "./😀.com", "\\ud800/x.com"]\n` },
  { name: '10,000 levels of nested lists', expect: 'any', text: () => `${HEAD}spec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  { name: '10,000 levels of nested maps under egress', expect: 'any', text: () => `${HEAD}spec:\n  egress: [${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}]\n` },
  { name: '500 levels of nesting (parseable)', expect: 'findings', text: () => `${HEAD}spec:\n  egress: [{hosts: ${'['.repeat(500)}${']'.repeat(500)}}]\n` },
  { name: 'a billion laughs', expect: 'input-error', text: () => billionLaughs() },
  { name: 'one large anchored list aliased 900 times', expect: 'input-error', text: () => wideAliases() },
  { name: 'aliases that nest 900 levels in 900 levels, five times over', expect: 'input-error', text: () => deepAliases() },
  { name: 'an empty file', expect: 'clean', text: () => '' },
  { name: 'only comments and document markers', expect: 'clean', text: () => '# nothing\n---\n# still nothing\n...\n---\n' },
  { name: 'binary garbage', expect: 'input-error', text: () => garbage(64 * 1024) },
  { name: 'a bare scalar', expect: 'input-error', text: () => '42\n' },
  { name: 'a bare list', expect: 'input-error', text: () => '- a\n- b\n' },
  { name: 'duplicate keys', expect: 'input-error', text: () => `${HEAD}spec: {egress: [], egress: []}\n` },
  { name: 'a kind: List with garbage items', expect: 'findings', text: () => `apiVersion: v1\nkind: List\nitems: [null, 1, "x", [], {kind: Sidecar}, ${JSON.stringify({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'a', namespace: 'b' }, spec: { egress: [{ hosts: ['x'] }] } })}]\n` },
  { name: '__proto__ and constructor keys', expect: 'findings', text: () => `${HEAD}spec:\n  __proto__: {egress: [{hosts: ["./*"]}]}\n  constructor: 1\n  workloadSelector: {labels: {__proto__: x, constructor: y, toString: z}}\n  egress: [{hosts: ["./*"], __proto__: {port: {number: 80}}}]\n` },
  { name: 'YAML tags (!!binary, !!set, !!omap, unknown local tags)', expect: 'any', text: () => `${HEAD}spec:\n  egress: [{hosts: !!set {./*: null}}, {hosts: !!binary aGVsbG8=}, {hosts: !!omap [{a: 1}]}, {hosts: !local [x]}]\n` },
  { name: '5,000 small documents', expect: 'findings', text: () => Array.from({ length: 5_000 }, (_, i) => `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s${i}, namespace: ns${i % 50}}\nspec: {egress: [{hosts: ["./*"]}]}\n`).join('---\n') },
  { name: 'a kind: List of 200,000 items', expect: 'findings', text: () => `apiVersion: v1\nkind: List\nitems:\n${'- {}\n'.repeat(200_000)}- {apiVersion: networking.istio.io/v1, kind: Sidecar, metadata: {name: a, namespace: b}}\n` },
  { name: 'a byte order mark, CRLF line endings and tabs', expect: 'findings', text: () => `\ufeff${HEAD.replace(/\n/g, '\r\n')}spec:\r\n  egress:\r\n  - hosts: ["./*",\t"short"]\r\n` },
];

interface CliRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

function runCli(file: string): Promise<CliRun> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${CLI_HEAP_MB}`, builtBin(), 'lint', file],
      { timeout: CLI_TIMEOUT_MS, maxBuffer: 256 * MB, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: string; killed?: boolean }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: Date.now() - start,
          timedOut: !!e?.killed,
        });
      },
    );
  });
}

/** Runs `tasks` with at most `width` in flight (the machine has two cores). */
async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const EXIT: { [expect in Exclude<Expect, 'any'>]: number } = { 'clean': 0, 'findings': 1, 'input-error': 2 };

describe('hostile input to the lint CLI (built bin)', () => {
  let dir: string;
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reliability-hostile-'));
    const files = CASES.map((c, i) => {
      const file = join(dir, `case-${i}.yaml`);
      writeFileSync(file, c.text());
      return file;
    });
    const results = await pool(files.map((file) => () => runCli(file)), 2);
    CASES.forEach((c, i) => runs.set(c.name, results[i]));
  }, 5 * 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(CASES.map((c) => [c.name, c.expect] as const))('%s -> %s, in bounded time, without a stack trace', (name, expected) => {
    const run = runs.get(name)!;
    expect(run.timedOut).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.ms).toBeLessThan(CLI_BUDGET_MS);
    expect(run.stderr).not.toMatch(/^\s{4}at /m);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).not.toContain('heap out of memory');
    expect([0, 1, 2]).toContain(run.code);
    if (expected !== 'any') expect(run.code).toBe(EXIT[expected]);
    if (run.code === 2) {
      // A clear error: one line that names the tool and the file.
      expect(run.stderr).toMatch(/^cdk8s-istio-sidecar: \S*case-\d+\.yaml/);
      expect(run.stdout).toBe('');
    } else {
      expect(run.stdout.trim().split('\n').pop()).toMatch(/^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ resources? from 1 file/);
    }
  });
});

describe('hostile input to the engine (analyze() directly)', () => {
  /** The manifests a YAML text holds, as the CLI would load them; undefined when it refuses the text. */
  function load(text: string | Buffer): unknown[] | undefined {
    try {
      return parseYaml(text.toString(), 'hostile.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return undefined;
    }
  }

  test.each(CASES.map((c) => [c.name, c] as const))('%s -> findings, no exception, no rule failure', (_name, c) => {
    const manifests = load(c.text());
    if (manifests === undefined) return;
    const start = Date.now();
    const findings = analyze(manifests.map((manifest, i) => ({ manifest, location: `#${i}` })));
    expect(Date.now() - start).toBeLessThan(CLI_BUDGET_MS);
    expect(findings.filter((f) => f.ruleId === RULE_FAILURE_ID)).toEqual([]);
  });

  // Values YAML cannot express, but a program calling the engine can.
  const cyclic: any = { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'c', namespace: 'n' }, spec: { egress: [{ hosts: ['./*'] }] } };
  cyclic.spec.self = cyclic.spec;
  cyclic.spec.egress[0].port = cyclic.spec.egress[0];
  const throwingGetter = { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 't', namespace: 'n' }, spec: {} };
  Object.defineProperty(throwingGetter.spec, 'egress', { enumerable: true, get: () => [{ hosts: [1n, Symbol('s'), () => 0] }] });
  const nullPrototype = Object.assign(Object.create(null), { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: Object.assign(Object.create(null), { name: 'p' }), spec: Object.assign(Object.create(null), { egress: [Object.assign(Object.create(null), { hosts: ['./*'] })] }) });
  const sparse = { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 's', namespace: 'n' }, spec: { egress: new Array(5), ingress: [, , { port: { number: 80 } }] } }; // eslint-disable-line no-sparse-arrays

  test.each([
    ['a cyclic object', cyclic],
    ['bigint, symbol and function values', throwingGetter],
    ['objects without a prototype', nullPrototype],
    ['sparse lists', sparse],
    ['undefined, null, numbers and strings as manifests', undefined],
  ])('%s -> findings, no exception, no rule failure', (_name, manifest) => {
    const list = manifest === undefined ? [undefined, null, 1, 'x', [], true] : [manifest];
    const findings = analyze(list.map((m) => ({ manifest: m })));
    expect(findings.filter((f) => f.ruleId === RULE_FAILURE_ID)).toEqual([]);
  });
});

describe('aliases cannot blow the loaded input up', () => {
  /** Nodes of the loaded value counted as the engine walks it (a shared node once per reference), stopping at `cap`. */
  function expandedSize(value: unknown, cap: number): number {
    let count = 0;
    const stack: unknown[] = [value];
    while (stack.length > 0 && count <= cap) {
      const node = stack.pop();
      count++;
      if (Array.isArray(node)) for (const item of node) stack.push(item);
      else if (node && typeof node === 'object') for (const item of Object.values(node)) stack.push(item);
    }
    return count;
  }

  /** A YAML file that uses anchors and aliases: nested ("laughs") or one big node aliased many times ("wide"). */
  const aliasBombs = fc.oneof(
    fc.record({ levels: fc.integer({ min: 1, max: 7 }), fanout: fc.integer({ min: 2, max: 10 }) })
      .map(({ levels, fanout }) => billionLaughs(levels, fanout)),
    fc.record({ items: fc.integer({ min: 1, max: 3000 }), aliases: fc.integer({ min: 1, max: 999 }) })
      .map(({ items, aliases }) => wideAliases(items, aliases)),
  );

  /** Aliased documents may grow to ten values per character of the file (plus a floor); the others hold at most one per character. */
  const bounded = (loader: (text: string) => unknown[]) => (text: string) => {
    let loaded: unknown[];
    try {
      loaded = loader(text);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return;
    }
    const cap = 11 * text.length + 100_000;
    expect(expandedSize(loaded, cap)).toBeLessThanOrEqual(cap);
  };

  test('the CLI loader refuses a file whose aliases expand it more than tenfold', () => {
    fc.assert(fc.property(aliasBombs, bounded((text) => parseYaml(text, 'bomb.yaml'))), { seed: SEED, numRuns: 60 });
  });

  test('the property catches what it targets: a loader without the alias limit fails it', () => {
    const unlimited = (text: string) => parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: -1 }));
    const result = fc.check(fc.property(aliasBombs, bounded(unlimited)), { seed: SEED, numRuns: 60 });
    expect(result.failed).toBe(true);
  });
});
