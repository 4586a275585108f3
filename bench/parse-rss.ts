// Peak memory of only parsing the 100k lint input, the floor the lint run's memory compares to.
//   npx ts-node --transpile-only --project bench/tsconfig.json bench/parse-rss.ts
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { meshYaml } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
try {
  const file = join(dir, 'mesh.yaml');
  writeFileSync(file, meshYaml(Number(process.env.BENCH_N ?? 100_000)));
  const parse = `const { Composer, Parser } = require('yaml'); const out = [];
    for (const d of new Composer().compose(new Parser().parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8')))) out.push(d.toJS());
    console.log(out.length);`;
  const result = spawnSync(process.execPath, ['--require', join(__dirname, 'max-rss.js'), '-e', parse], { encoding: 'utf8', cwd: join(__dirname, '..') });
  console.log(`parse only: ${result.stdout.trim()} objects, ${result.stderr.trim()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
