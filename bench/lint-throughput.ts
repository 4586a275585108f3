// Lint throughput, as users run it: a fresh `node lib/cli/main.js lint` process per run, side by
// side with a fresh process that only parses the same file with js-yaml's `loadAll` (the floor),
// alternating the two. One YAML file with N Sidecars and N Pods per size; reports the time
// ratio, the growth from the smallest to the largest N, and peak memory (max RSS) against
// js-yaml's alone.
//   npx projen bench:lint            (BENCH_RUNS=5 for more runs, BENCH_SIZES=2000 for a quick check)
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { meshYaml } from './fixtures';
import { ProcessRun, jsYamlLoadAllArgs, median, report, round, runNode, runs } from './measure';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BIN = join(__dirname, '..', 'lib', 'cli', 'main.js');

function lint(file: string): ProcessRun {
  const run = runNode([BIN, 'lint', '--format', 'json', file]);
  // 0: clean, 1: findings; 2 would mean it could not read its input, and the time would be a lie.
  if (run.code !== 0 && run.code !== 1) throw new Error(`lint exited ${run.code} on ${file}`);
  return run;
}

function parseOnly(file: string): ProcessRun {
  const run = runNode(jsYamlLoadAllArgs(file));
  if (run.code !== 0) throw new Error(`js-yaml loadAll exited ${run.code} on ${file}`);
  return run;
}

if (!existsSync(BIN)) throw new Error('lib/ is missing: run `npx projen compile` first');
const dir = mkdtempSync(join(tmpdir(), 'bench-lint-'));
try {
  const results = SIZES.map((n) => {
    const file = join(dir, `mesh-${n}.yaml`);
    writeFileSync(file, meshYaml(n));
    const parse: ProcessRun[] = [];
    const full: ProcessRun[] = [];
    const count = runs(3);
    for (let i = 0; i < count; i++) {
      // Alternate which goes first, so neither always finds the page cache warm or the machine idle.
      if (i % 2 === 0) {
        parse.push(parseOnly(file));
        full.push(lint(file));
      } else {
        full.push(lint(file));
        parse.push(parseOnly(file));
      }
    }
    const ms = (list: ProcessRun[]) => median(list.map((r) => r.ms));
    const rss = (list: ProcessRun[]) => median(list.map((r) => r.maxRssMb));
    const figures = {
      n,
      objects: 2 * n,
      megabytes: round(statSync(file).size / 1e6, 1),
      runs: count,
      jsYamlLoadAllMs: round(ms(parse), 1),
      lintMs: round(ms(full), 1),
      ratio: round(ms(full) / ms(parse)),
      jsYamlPeakRssMb: round(rss(parse), 0),
      lintPeakRssMb: round(rss(full), 0),
      rssRatio: round(rss(full) / rss(parse)),
    };
    console.error(`N=${n}: ${JSON.stringify(figures)}`);
    return figures;
  });
  const first = results[0];
  const last = results[results.length - 1];
  report('lint-throughput', {
    command: 'npx projen bench:lint',
    node: process.version,
    method: 'fresh node process per run (lib/cli/main.js lint --format json FILE vs. node -e js-yaml loadAll), alternating; medians',
    sizes: results,
    growth: results.length > 1 ? {
      from: first.n,
      to: last.n,
      lint: round(last.lintMs / first.lintMs, 2),
      jsYamlLoadAll: round(last.jsYamlLoadAllMs / first.jsYamlLoadAllMs, 2),
    } : null,
    targets: { ratioAt100k: '<= 1.5', growth10kTo100k: '<= 11', rssRatioAt100k: '<= 2' },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
