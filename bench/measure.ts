import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

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
