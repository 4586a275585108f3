// Property: synthesis is deterministic. The same app synthesized twice gives the same bytes
// (the YAML of `app.synthYaml()`, every file `app.synth()` writes, and the JSON report it is
// asked for), and so does an app built another but equivalent way: value objects through
// `parse()` instead of the named factories, listeners added with `addIngress()` / `addEgress()`
// instead of props (the library promises listeners and hosts in the order given).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject } from 'cdk8s';
import * as fc from 'fast-check';
import { SEED, appArb } from './arbitraries';
import { BuildOptions, BuiltApp, buildApp } from './harness';
import { SidecarIn } from './model';
import { EgressListenerOptions, IngressListenerOptions, Sidecar } from '../../src';
import { REPORT_FILE_ENV } from '../../src/validation/environment';


let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reliability-determinism-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
const freshDir = () => join(root, String(dirs++));

/** The name `files` gives the JSON report, which synth writes outside the output folder. */
const REPORT = '<report>';

/** What one synthesis produces: the YAML text, and every file of the output folder by name, then the report. */
interface Output {
  readonly yaml: string;
  readonly files: { [name: string]: string };
}

type Build = (inputs: readonly SidecarIn[], options: BuildOptions) => BuiltApp;

function synthesize(inputs: readonly SidecarIn[], build: Build, options: BuildOptions = {}): Output {
  const yaml = build(inputs, options).app.synthYaml();
  const outdir = freshDir();
  const reportFile = `${outdir}.report.json`;
  const before = process.env[REPORT_FILE_ENV];
  process.env[REPORT_FILE_ENV] = reportFile;
  try {
    build(inputs, { ...options, outdir }).app.synth();
  } finally {
    if (before === undefined) delete process.env[REPORT_FILE_ENV];
    else process.env[REPORT_FILE_ENV] = before;
  }
  const files = Object.fromEntries(readdirSync(outdir).sort().map((name) => [name, readFileSync(join(outdir, name), 'utf8')]));
  files[REPORT] = readFileSync(reportFile, 'utf8');
  return { yaml, files };
}

function sameBytes(a: Output, b: Output): void {
  expect(b.yaml).toBe(a.yaml);
  expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
  for (const name of Object.keys(a.files)) expect(b.files[name]).toBe(a.files[name]);
}

const twice = (build: Build) => (inputs: readonly SidecarIn[]) => sameBytes(synthesize(inputs, build), synthesize(inputs, build));
const twoWays = (build: Build) => (inputs: readonly SidecarIn[]) =>
  sameBytes(synthesize(inputs, build), synthesize(inputs, build, { alt: true }));

describe('determinism: the same app gives the same bytes', () => {
  test('synthesizing the same app twice -> identical YAML, manifests and report', () => {
    fc.assert(fc.property(appArb('valid'), twice(buildApp)), { seed: SEED, numRuns: 60 });
  });

  test('an equivalent app built another way (parse(), addIngress/addEgress) -> identical bytes', () => {
    fc.assert(fc.property(appArb('valid'), twoWays(buildApp)), { seed: SEED, numRuns: 60 });
  });

  test('the output folder holds only the manifests, and the report asked for nothing that varies between runs', () => {
    const [inputs] = fc.sample(appArb('valid'), { seed: SEED, numRuns: 1 });
    const { files } = synthesize(inputs, buildApp);
    expect(Object.keys(files)).toEqual(['reliability.k8s.yaml', REPORT]);
    expect(files[REPORT]).not.toMatch(/\d{4}-\d{2}-\d{2}T|reliability-determinism-/);
  });
});

describe('determinism: the property catches what it targets', () => {
  test('a renderer that stamps each synthesis (a counter, like a timestamp) -> the property fails', () => {
    let stamp = 0;
    const stamping: Build = (inputs, options) => {
      const built = buildApp(inputs, options);
      built.sidecars.forEach((s) => ApiObject.of(s).metadata.addAnnotation('example.com/rendered', String(stamp++)));
      return built;
    };
    expect(fc.check(fc.property(appArb('valid'), twice(stamping)), { seed: SEED, numRuns: 60 }).failed).toBe(true);
  });

  test('a Sidecar whose add methods prepend (order depends on how the app was built) -> the property fails', () => {
    class PrependingSidecar extends Sidecar {
      public addIngress(options: IngressListenerOptions): void {
        (this as any).ingressListeners.unshift(options);
      }
      public addEgress(options: EgressListenerOptions): void {
        (this as any).egressListeners.unshift(options);
      }
    }
    const prepending: Build = (inputs, options) => buildApp(inputs, { ...options, sidecarClass: PrependingSidecar });
    expect(fc.check(fc.property(appArb('valid'), twoWays(prepending)), { seed: SEED, numRuns: 60 }).failed).toBe(true);
  });
});
