// Synth overhead as users see it: each synth is a fresh `node` process running the compiled
// library (lib/), alternating the library app with the same manifests as raw ApiObjects
// (synth-apps.ts), medians over BENCH_RUNS pairs (default 5). Whole-process wall time, so
// loading the library, cold JIT and the app-wide validation all count. A third variant, the raw
// manifests through the library's class shapes and none of its code, runs beside them: what
// cdk8s's per-chart walks charge any typed construct library, the floor under the ratio.
//   npx projen bench:synth-process     (BENCH_SIZES=2000,10000: Sidecars, 10 per chart)
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ts from 'typescript';
import { median, report, round, runs } from './measure';

const ROOT = join(__dirname, '..');
const LIB = join(ROOT, 'lib', 'index.js');
const SIZES = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const TARGETS: { readonly [n: number]: number } = { 2000: 1.10, 10000: 1.05 };
const VARIANTS = ['library', 'shapes', 'raw'] as const;
type Variant = typeof VARIANTS[number];

if (!existsSync(LIB)) throw new Error('lib/ is missing: run `npx projen compile` first (the bench task does)');

const work = mkdtempSync(join(tmpdir(), 'bench-synth-process-'));
try {
  // Plain JavaScript for the child, so neither variant pays for TypeScript at run time.
  for (const name of ['synth-apps', 'synth-child']) {
    const source = readFileSync(join(__dirname, `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
    writeFileSync(join(work, `${name}.js`), outputText);
  }
  const synth = (variant: Variant, n: number, outdir: string): number => {
    rmSync(outdir, { recursive: true, force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(work, 'synth-child.js'), variant, String(n), outdir, LIB], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), CDK8S_ISTIO_SIDECAR_QUIET: '1' },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${variant} synth of ${n} failed:\n${result.stderr}`);
    return ms;
  };
  const manifests = (outdir: string) => readdirSync(outdir).sort().map((f) => readFileSync(join(outdir, f), 'utf8')).join('\n');

  const sizes = SIZES.map((n) => {
    const count = runs(5);
    const times: Record<Variant, number[]> = { library: [], shapes: [], raw: [] };
    const dirs: Record<Variant, string> = { library: join(work, 'library'), shapes: join(work, 'shapes'), raw: join(work, 'raw') };
    for (let i = 0; i < count; i++) {
      // Rotate which goes first, so the machine's drift favours none.
      const order = VARIANTS.map((_, k) => VARIANTS[(k + i) % VARIANTS.length]);
      for (const variant of order) times[variant].push(synth(variant, n, dirs[variant]));
      // Same manifests every way, or the ratios mean nothing.
      if (i === 0 && VARIANTS.some((v) => manifests(dirs[v]) !== manifests(dirs.raw))) throw new Error('the variants do not render the same manifests');
    }
    const figures = {
      sidecars: n,
      deployments: n / 10 * 9,
      charts: n / 10,
      runs: count,
      libraryMs: round(median(times.library), 1),
      rawMs: round(median(times.raw), 1),
      ratio: round(median(times.library) / median(times.raw)),
      target: TARGETS[n] !== undefined ? `<= ${TARGETS[n]}` : 'none',
      pairedRatios: times.library.map((t, i) => round(t / times.raw[i])),
      // The raw manifests through the library's class shapes: what cdk8s charges the shapes alone.
      shapesMs: round(median(times.shapes), 1),
      shapesRatio: round(median(times.shapes) / median(times.raw)),
    };
    console.error(`N=${n}: ${JSON.stringify(figures)}`);
    return figures;
  });
  report('synth-process', { command: 'npx projen bench:synth-process', node: process.version, sizes });
} finally {
  rmSync(work, { recursive: true, force: true });
}
