// Reach throughput, as users run it: a fresh `node lib/cli/main.js reach --format json` process
// per run, side by side with a fresh `lint --format json` process on the same file, alternating
// the two. One YAML file with N workloads (Deployments declaring their calls) and N Services over
// N/100 namespaces, each with a tightened Sidecar, per size; reports the time ratio reach/lint, the
// growth from the smallest to the largest N, peak memory (max RSS) and the size of reach's JSON.
//   npx projen bench:reach           (BENCH_RUNS=5 for more runs, BENCH_SIZES=2000 for a quick check)
import { spawnSync } from 'child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { reachMeshYaml } from './fixtures';
import { ProcessRun, median, report, round, runNode, runs } from './measure';

const SIZES = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const BIN = join(__dirname, '..', 'lib', 'cli', 'main.js');

function reach(file: string): ProcessRun {
  const run = runNode([BIN, 'reach', '--format', 'json', file]);
  // Without --to, reach exits 0; anything else means it could not read its input or failed.
  if (run.code !== 0) throw new Error(`reach exited ${run.code} on ${file}`);
  return run;
}

function lint(file: string): ProcessRun {
  const run = runNode([BIN, 'lint', '--format', 'json', file]);
  // 0: clean, 1: findings; 2 would mean it could not read its input, and the time would be a lie.
  if (run.code !== 0 && run.code !== 1) throw new Error(`lint exited ${run.code} on ${file}`);
  return run;
}

/** Occurrences of `needle` in the file, read in chunks: reach's JSON is hundreds of MB at 10k, too big to parse here. */
function countIn(file: string, needle: string): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let tail = '';
    let count = 0;
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const text = tail + buffer.toString('latin1', 0, read);
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
      tail = text.slice(Math.max(0, text.length - needle.length + 1));
    }
    return count;
  } finally {
    closeSync(fd);
  }
}

/** What reach prints for the file, once, outside the timed runs (runNode discards standard output). */
function reachOutput(file: string): { megabytes: number; workloads: number; hostsPerWorkload: number } {
  const out = `${file}.reach.json`;
  const fd = openSync(out, 'w');
  try {
    const result = spawnSync(process.execPath, [BIN, 'reach', '--format', 'json', file], { cwd: join(__dirname, '..'), stdio: ['ignore', fd, 'ignore'] });
    if (result.status !== 0) throw new Error(`reach exited ${result.status} on ${file}: ${result.error?.message ?? ''}`);
  } finally {
    closeSync(fd);
  }
  try {
    // reachJson's layout: one `"workload": {` per workload, one `"host": ` per host in its scope.
    const workloads = countIn(out, '"workload":{');
    return {
      megabytes: round(statSync(out).size / 1e6, 1),
      workloads,
      hostsPerWorkload: round(countIn(out, '"host":') / Math.max(1, workloads), 0),
    };
  } finally {
    rmSync(out, { force: true });
  }
}

if (!existsSync(BIN)) throw new Error('lib/ is missing: run `npx projen compile` first');
const dir = mkdtempSync(join(tmpdir(), 'bench-reach-'));
try {
  const results = SIZES.map((n) => {
    const file = join(dir, `reach-mesh-${n}.yaml`);
    writeFileSync(file, reachMeshYaml(n, n));
    const output = reachOutput(file);
    const scoped: ProcessRun[] = [];
    const linted: ProcessRun[] = [];
    const count = runs(3);
    for (let i = 0; i < count; i++) {
      // Alternate which goes first, so neither always finds the page cache warm or the machine idle.
      if (i % 2 === 0) {
        linted.push(lint(file));
        scoped.push(reach(file));
      } else {
        scoped.push(reach(file));
        linted.push(lint(file));
      }
    }
    const ms = (list: ProcessRun[]) => median(list.map((r) => r.ms));
    const rss = (list: ProcessRun[]) => median(list.map((r) => r.maxRssMb));
    const figures = {
      n,
      workloads: n,
      services: n,
      megabytes: round(statSync(file).size / 1e6, 1),
      runs: count,
      lintMs: round(ms(linted), 1),
      reachMs: round(ms(scoped), 1),
      ratio: round(ms(scoped) / ms(linted)),
      lintPeakRssMb: round(rss(linted), 0),
      reachPeakRssMb: round(rss(scoped), 0),
      rssRatio: round(rss(scoped) / rss(linted)),
      reachOutputMb: output.megabytes,
      reachWorkloads: output.workloads,
      reachMeanHostsPerWorkload: output.hostsPerWorkload,
    };
    console.error(`N=${n}: ${JSON.stringify(figures)}`);
    return figures;
  });
  const first = results[0];
  const last = results[results.length - 1];
  report('reach-throughput', {
    command: 'npx projen bench:reach',
    node: process.version,
    method: 'fresh node process per run (lib/cli/main.js reach --format json FILE vs. lib/cli/main.js lint --format json FILE), alternating; medians',
    sizes: results,
    growth: results.length > 1 ? {
      from: first.n,
      to: last.n,
      reach: round(last.reachMs / first.reachMs, 2),
      lint: round(last.lintMs / first.lintMs, 2),
    } : null,
    targets: { ratioAt10k: '<= 2' },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
