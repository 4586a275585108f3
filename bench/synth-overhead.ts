// Synth overhead in one warm process: the apps of synth-apps.ts (library vs raw ApiObjects, and
// the library with its validation switched off), alternating. Reports the median time ratio.
// bench/synth-process.ts measures the same as users run it, a fresh process per synth.
//   npx projen bench:synth            (BENCH_RUNS=7 for more runs, BENCH_SIZES=1000,10000)
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Testing } from 'cdk8s';
import * as lib from '../src';
import { median, report, round, runs, time } from './measure';
import { withConstructs as buildWithConstructs, withRawObjects } from './synth-apps';
import { AppValidation } from '../src/validation/app-validation';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);

const withConstructs = (app: App, n: number) => buildWithConstructs(lib, app, n);

/** The library's constructs with the app-wide validation switched off: what validation itself costs. */
function withConstructsUnvalidated(app: App, n: number): void {
  withConstructs(app, n);
}

/** Builds the app and synthesizes it to disk, as `cdk8s synth` does. */
function synth(build: (app: App, n: number) => void, n: number): number {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const validate = AppValidation.prototype.validate;
  if (build === withConstructsUnvalidated) AppValidation.prototype.validate = () => [];
  try {
    return time(() => {
      const app = new App({ outdir });
      build(app, n);
      app.synth();
    });
  } finally {
    AppValidation.prototype.validate = validate;
    rmSync(outdir, { recursive: true, force: true });
  }
}

// Same manifests both ways, or the ratio means nothing.
const sameA = Testing.app();
withConstructs(sameA, 100);
const sameB = Testing.app();
withRawObjects(sameB, 100);
if (sameA.synthYaml() !== sameB.synthYaml()) throw new Error('the two variants do not render the same manifests');

const VARIANTS = { library: withConstructs, raw: withRawObjects, unvalidated: withConstructsUnvalidated };
type Variant = keyof typeof VARIANTS;

const sizes = SIZES.map((n) => {
  const count = runs(n >= 10_000 ? 5 : 7);
  const times: Record<Variant, number[]> = { library: [], raw: [], unvalidated: [] };
  const order = Object.keys(VARIANTS) as Variant[];
  for (let i = 0; i < count; i++) {
    // Rotate which variant goes first, so warm-up and the machine's drift favour none.
    for (let j = 0; j < order.length; j++) {
      const variant = order[(i + j) % order.length];
      times[variant].push(synth(VARIANTS[variant], n));
    }
  }
  const ms = (v: Variant) => round(median(times[v]), 1);
  const figures = {
    n,
    namespaces: n / 10,
    charts: n / 10,
    runs: count,
    libraryMs: ms('library'),
    rawMs: ms('raw'),
    unvalidatedLibraryMs: ms('unvalidated'),
    ratio: round(median(times.library) / median(times.raw)),
    validationOnlyRatio: round(median(times.library) / median(times.unvalidated)),
    pairedRatios: times.library.map((t, i) => round(t / times.raw[i])),
  };
  console.error(`N=${n}: ${JSON.stringify(figures)}`);
  return figures;
});

report('synth-overhead', { command: 'npx projen bench:synth', node: process.version, sizes, target: { ratioAt10k: '<= 1.10' } });
