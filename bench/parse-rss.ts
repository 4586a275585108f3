// Peak memory of only parsing the lint benchmark's input with js-yaml's loadAll, the floor the
// lint run's memory compares to (bench:lint reports both; this runs the floor alone).
//   npx ts-node --transpile-only --project bench/tsconfig.json bench/parse-rss.ts   (BENCH_N=100000)
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { meshYaml } from './fixtures';
import { jsYamlLoadAllArgs, round, runNode } from './measure';

const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
try {
  const n = Number(process.env.BENCH_N ?? 100_000);
  const file = join(dir, 'mesh.yaml');
  writeFileSync(file, meshYaml(n));
  const run = runNode(jsYamlLoadAllArgs(file));
  if (run.code !== 0) throw new Error(`js-yaml loadAll exited ${run.code}`);
  console.log(`js-yaml loadAll of ${2 * n} objects: ${round(run.ms, 0)} ms, peak RSS ${round(run.maxRssMb, 0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
