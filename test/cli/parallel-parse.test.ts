// The loader on two threads (src/cli/parallel-parse.ts) reads every file exactly as the loader on
// one: the same values, the same errors at the same file:line:col, the same limits. Small texts
// take the two-thread path here through low thresholds.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { join } from 'path';
import { lintInProcess } from './in-process';
import { InputError } from '../../src/cli/input-error';
import { documentStarts, parseYaml } from '../../src/cli/load';
import { NOT_PARSED, PARALLEL_MIN_CHARS, ParallelParse } from '../../src/cli/parallel-parse';
import { builtPackage } from '../setup/built-package';
import { thrownMessage } from '../setup/thrown-message';

// One core gets no worker (the loader then is the one-thread loader, tested everywhere else).
const describeOnTwoCores = availableParallelism() >= 2 ? describe : describe.skip;

const ON_TWO_THREADS = { minChars: 0, chunkChars: 200 };
/** As ON_TWO_THREADS, with the worker's whole part taken for certain (else this thread may outrun it). */
const AFTER_THE_WORKER = { ...ON_TWO_THREADS, onStart: (helper: ParallelParse) => waitForTheWorker(helper) };
const ON_ONE_THREAD = { minChars: Number.POSITIVE_INFINITY };

const object = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop}\ndata:\n${data}\n`;
const plain = (i: number) => object(`plain-${i}`, `  index: "${i}"\n  port: ${8000 + i}\n  ratio: 0.5\n  on: true\n  nothing: null`);

/** Documents JSON carries as they are, and those it cannot (the worker leaves them to the loader's own thread). */
const CARRIED: ReadonlyArray<[string, string]> = [
  ['block scalars and comments', `# a comment\n${object('script', '  run.sh: |\n    echo "---"\n    exit 0\n  folded: >\n    one\n    two')}`],
  ['unicode and escapes', object('text', '  greeting: "h\\u00e9llo \\u2028 \\ud83d\\ude00"\n  tab: "a\\tb"')],
  ['__proto__ and integer-like keys', object('keys', '  __proto__: polluted\n  "10": ten\n  "2": two')],
  ['hex, octal, exponents and integer -0', object('numbers', '  hex: 0x1F\n  octal: 0o17\n  big: 1.5e300\n  negative: -12\n  zero: -0')],
  ['a kind: List', 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: shop}}\n- {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: shop}}\n'],
  ['an empty document', '# nothing here\n'],
];
const LEFT_TO_THE_LOADER: ReadonlyArray<[string, string]> = [
  ['an anchor and aliases', object('aliases', '  base: &base {a: "1"}\n  copy: *base')],
  ['a merge key', object('merged', '  base: &b {a: "1"}\n  merged:\n    <<: *b\n    c: "2"')],
  ['.nan', object('nan', '  value: .nan')],
  ['.inf', object('inf', '  value: -.inf')],
  ['-0.0', object('negative-zero', '  value: -0.0')],
  ['nesting deeper than 64 levels', object('deep', `  value: ${'['.repeat(70)}${']'.repeat(70)}`)],
  ['invalid YAML', object('broken', '  value: [unclosed')],
];

function joinDocuments(documents: readonly string[]): string {
  return documents.map((d) => `---\n${d}`).join('');
}

/** Waits `ms` on this thread (the worker runs on). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describeOnTwoCores('the worker', () => {
  // Many plain documents first (this thread's part), then every case in the worker's part.
  const cases = [...CARRIED, ...LEFT_TO_THE_LOADER];
  const documents = [...Array.from({ length: 40 }, (_, i) => plain(i)), ...cases.map(([, d]) => d)];
  const text = joinDocuments(documents);
  const starts = documentStarts(text);
  const caseIndex = (name: string) => 40 + cases.findIndex(([n]) => n === name);

  /** What valueOf gives for each document once the worker has had time to parse its whole part. */
  function readAfterTheWorker(): { helper: ParallelParse; values: unknown[] } {
    const helper = ParallelParse.start(text, 1000, 0, 200)!;
    expect(helper).toBeDefined();
    try {
      helper.begin(starts);
      waitForTheWorker(helper);
      const values: unknown[] = [];
      for (let i = 0; i < starts.length; i++) values.push(helper.valueOf(i));
      return { helper, values };
    } finally {
      helper.stop();
    }
  }

  test('parses the back of the text, hands back what JSON carries, and leaves the rest', () => {
    const { helper, values } = readAfterTheWorker();
    expect(helper.firstWorkerDocument).toBeGreaterThan(0);
    expect(helper.firstWorkerDocument).toBeLessThanOrEqual(40);
    for (let i = 0; i < helper.firstWorkerDocument; i++) expect(values[i]).toBe(NOT_PARSED);
    for (const [name] of CARRIED) {
      const i = caseIndex(name);
      const documentText = text.slice(starts[i], starts[i + 1] ?? text.length);
      const alone = parseYaml(documentText, 'alone.yaml', ON_ONE_THREAD);
      // An empty document is null from the worker and nothing from the loader.
      if (alone.length === 0) expect(values[i]).toBeNull();
      else if (name === 'a kind: List') expect((values[i] as { items: unknown[] }).items).toEqual(alone);
      else expect(values[i]).toEqual(alone[0]);
    }
    for (const [name] of LEFT_TO_THE_LOADER) expect([name, values[caseIndex(name)]]).toEqual([name, NOT_PARSED]);
    // An own __proto__ key stays a key, as js-yaml makes it, and pollutes nothing.
    const keys = values[caseIndex('__proto__ and integer-like keys')] as { data: object };
    expect(Object.keys(keys.data)).toEqual(['2', '10', '__proto__']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

/** Waits (up to 10 s) until `done()`, and fails the test if it never is. */
function waitUntil(done: () => boolean): void {
  const until = Date.now() + 10_000;
  while (!done() && Date.now() < until) pause(5);
  expect(done()).toBe(true);
}

/** Waits until the worker has sent its whole part, so that this thread takes it. */
function waitForTheWorker(helper: ParallelParse): void {
  waitUntil(() => helper.workerFinished);
}

describeOnTwoCores('a file read on two threads reads as on one', () => {
  const many = (n: number, extra: Record<number, string> = {}) => joinDocuments(Array.from({ length: n }, (_, i) => extra[i] ?? plain(i)));

  test.each([
    ['plain documents', many(300)],
    ['every kind of document, in the worker\'s part', many(300, Object.fromEntries([...CARRIED, ...LEFT_TO_THE_LOADER.filter(([n]) => n !== 'invalid YAML')].map(([, d], i) => [250 + i, d])))],
    ['every kind of document, in this thread\'s part', many(300, Object.fromEntries([...CARRIED, ...LEFT_TO_THE_LOADER.filter(([n]) => n !== 'invalid YAML')].map(([, d], i) => [i, d])))],
  ])('%s', (_name, text) => {
    const serial = parseYaml(text, 'mesh.yaml', ON_ONE_THREAD);
    expect(parseYaml(text, 'mesh.yaml', AFTER_THE_WORKER)).toEqual(serial);
    // Racing too: where the threads meet differs from run to run.
    for (let run = 0; run < 3; run++) expect(parseYaml(text, 'mesh.yaml', ON_TWO_THREADS)).toEqual(serial);
  });

  test('this thread overtaking a worker still sending: the same values', () => {
    const text = many(3000);
    const serial = parseYaml(text, 'mesh.yaml', ON_ONE_THREAD);
    // Start reading once the worker has sent its first chunk, while it still has most to do.
    const midway = { ...ON_TWO_THREADS, onStart: (helper: ParallelParse) => waitUntil(() => helper.lowestDone < 3000) };
    for (let run = 0; run < 3; run++) expect(parseYaml(text, 'mesh.yaml', midway)).toEqual(serial);
  });

  test.each([
    ['in the last document', { 299: object('broken', '  value: [unclosed') }],
    ['in the middle', { 150: object('broken', '  value: {a: 1') }],
    ['the first of two, the later one in the worker\'s part', { 120: object('first', '  a: "x\n  b: 1'), 280: object('second', '  value: [unclosed') }],
    ['an alias bomb near the end', { 290: `${object('bomb', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')}  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n  g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n` }],
    ['a document that is not an object', { 200: '"just a string"\n' }],
  ])('an error %s: the same InputError, naming the same place', (_name, extra) => {
    const text = many(300, extra);
    const serial = thrownMessage(() => parseYaml(text, 'mesh.yaml', ON_ONE_THREAD));
    expect(serial).toMatch(/^mesh\.yaml:\d+:\d+: /);
    for (const options of [AFTER_THE_WORKER, ON_TWO_THREADS, ON_TWO_THREADS]) {
      let error: unknown;
      try {
        parseYaml(text, 'mesh.yaml', options);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(serial);
    }
  });

  test('short texts get no worker', () => {
    expect(ParallelParse.start(many(3), 1000)).toBeUndefined();
  });

  test('a text of one document is all this thread\'s', () => {
    const helper = ParallelParse.start('apiVersion: v1\nkind: Pod\n', 1000, 0)!;
    try {
      helper.begin([0]);
      waitForTheWorker(helper);
      expect(helper.valueOf(0)).toBe(NOT_PARSED);
    } finally {
      helper.stop();
    }
  });
});

describeOnTwoCores('lint of a file large enough for a worker', () => {
  // Past PARALLEL_MIN_CHARS, so the CLI reads it on two threads with its real settings.
  const filler = Array.from({ length: 30_000 }, (_, i) => plain(i));
  const bad = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: late, namespace: shop}\nspec:\n  egress:\n  - hosts: ["shop/*", "bad host"]\n';
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'cli-parallel-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The 1-based line of the first line of `text` that holds `needle`. */
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  test('a finding in the last document names its line', () => {
    const text = joinDocuments([...filler, bad]);
    expect(text.length).toBeGreaterThan(PARALLEL_MIN_CHARS);
    const file = join(dir, 'large.yaml');
    writeFileSync(file, text);
    const start = jest.spyOn(ParallelParse, 'start');
    let stdout: string;
    try {
      ({ stdout } = lintInProcess(['--format', 'json', file]));
      // The CLI's own settings took the two-thread path.
      expect(start.mock.results.map((r) => r.value !== undefined)).toEqual([true]);
    } finally {
      start.mockRestore();
    }
    const finding = (JSON.parse(stdout).findings as Array<{ path: string; line: number }>).find((f) => f.path === 'spec.egress[0].hosts[1]');
    expect(finding?.line).toBe(lineOf(text, '"bad host"'));
  });

  test('invalid YAML near the end is exit 2 at its file:line:col', () => {
    const text = joinDocuments([...filler, object('broken', '  value: [unclosed'), plain(1)]);
    expect(text.length).toBeGreaterThan(PARALLEL_MIN_CHARS);
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, text);
    const { code, stdout, stderr } = lintInProcess([file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:${lineOf(text, 'metadata: {name: broken') + 3}:`);
  });
});

describeOnTwoCores('the built loader (lib/)', () => {
  test('its worker starts and parses, from the compiled files as the CLI runs them', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(join(builtPackage(), 'lib', 'cli', 'load.js')) as typeof import('../../src/cli/load');
    const text = joinDocuments(Array.from({ length: 300 }, (_, i) => plain(i)));
    let finished = false;
    const values = built.parseYaml(text, 'mesh.yaml', {
      minChars: 0,
      chunkChars: 200,
      onStart: (helper) => {
        waitForTheWorker(helper);
        finished = helper.workerFinished;
      },
    });
    expect(finished).toBe(true);
    expect(values).toEqual(parseYaml(text, 'mesh.yaml', ON_ONE_THREAD));
  });
});
