import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

/** Milliseconds taken by `run`. */
export function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function runs(defaultRuns: number): number {
  const fromEnv = Number(process.env.BENCH_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** Writes the figures as JSON under dist/bench/ and prints them. */
export function report(name: string, figures: unknown): void {
  const dir = join(__dirname, '..', 'dist', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(figures, undefined, 2) + '\n');
  console.log(JSON.stringify(figures, undefined, 2));
  console.log(`written to ${file}`);
}

export function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}

/** One fresh `node` process: its wall time, its peak resident set and its exit code. */
export interface ProcessRun {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly code: number | null;
}

/**
 * Runs `node ARGS` in a fresh process from the repository's root (so `require('js-yaml')` finds
 * node_modules), with bench/max-rss.js preloaded to report its peak memory. Standard output is
 * discarded: the benchmark times the work, not a pipe.
 */
export function runNode(args: readonly string[]): ProcessRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', join(__dirname, 'max-rss.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const match = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  if (!match) throw new Error(`no peak memory reported by node ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return { ms, maxRssMb: Number(match[1]) / 1024, code: result.status };
}

/** The floor lint is measured against: js-yaml's `loadAll` of the file, with its defaults, and nothing else. */
export function jsYamlLoadAllArgs(file: string): string[] {
  const script = `const docs = require('js-yaml').loadAll(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));`
    + ' if (docs.length === 0) process.exitCode = 3;';
  return ['-e', script];
}
