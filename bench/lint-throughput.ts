// Lint throughput: one YAML file with N Sidecars and N Pods. Compares a full `lint` with only
// parsing the file with the YAML library the CLI uses, alternating the two in one process, and
// measures the peak memory of a real `lint` process at the largest N.
//   npx projen bench:lint            (BENCH_RUNS=5 for more runs)
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Composer, Parser } from 'yaml';
import { meshYaml } from './fixtures';
import { median, report, round, runs, time } from './measure';
import { main } from '../src/cli/main';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

/** Parse only: the same YAML library and API as the CLI's loader, and nothing else. */
function parseOnly(file: string): number {
  let count = 0;
  for (const document of new Composer().compose(new Parser().parse(readFileSync(file, 'utf8')))) {
    if (document.toJS({ maxAliasCount: 1000 })) count++;
  }
  return count;
}

function lint(file: string): number {
  let bytes = 0;
  const code = main(['lint', '--format', 'json', file], {
    stdout: (text) => {
      bytes += text.length;
    },
    stderr: (text) => {
      throw new Error(text);
    },
    readStdin: () => '',
  });
  if (code === 2) throw new Error('lint failed to read its input');
  return bytes;
}

function peakRssMb(file: string): number {
  const bin = join(__dirname, '..', 'lib', 'cli', 'main.js');
  if (!existsSync(bin)) throw new Error('lib/ is missing: run `npx projen compile` first');
  const result = spawnSync(process.execPath, ['--require', join(__dirname, 'max-rss.js'), bin, 'lint', '--format', 'json', file], {
    encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024,
  });
  const match = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr);
  if (!match) throw new Error(`no peak memory reported: ${result.stderr}`);
  return Number(match[1]) / 1024;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-lint-'));
try {
  const results = SIZES.map((n) => {
    const file = join(dir, `mesh-${n}.yaml`);
    writeFileSync(file, meshYaml(n));
    const parse: number[] = [];
    const full: number[] = [];
    const count = runs(3);
    for (let i = 0; i < count; i++) {
      // Alternate which goes first, so warm-up and GC favour neither.
      if (i % 2 === 0) {
        parse.push(time(() => parseOnly(file)));
        full.push(time(() => lint(file)));
      } else {
        full.push(time(() => lint(file)));
        parse.push(time(() => parseOnly(file)));
      }
    }
    const figures = {
      n,
      objects: 2 * n,
      runs: count,
      parseOnlyMs: round(median(parse), 1),
      lintMs: round(median(full), 1),
      ratio: round(median(full) / median(parse)),
    };
    console.error(`N=${n}: ${JSON.stringify(figures)}`);
    return { ...figures, file };
  });
  const largest = results[results.length - 1];
  const peak = peakRssMb(largest.file);
  report('lint-throughput', {
    command: 'npx projen bench:lint',
    node: process.version,
    sizes: results.map(({ file: _file, ...figures }) => figures),
    scaling: results.length > 1 ? round(results[results.length - 1].lintMs / results[0].lintMs, 2) : null,
    peakRssMb: { n: largest.n, lint: round(peak, 0) },
    targets: { ratioAt100k: '<= 1.5', scaling: '<= 12' },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
