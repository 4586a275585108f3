// Jest global setup (package.json "jest.globalSetup", from .projenrc.ts). Two things every test
// run needs, so that `npx jest` works on a fresh clone and leaves nothing behind (and, a third,
// synth-time warnings are off, so that a passing run prints nothing):
//
// 1. A temporary folder of its own. `Testing.app()` mkdtemps an outdir per app (about 300 per
//    run) and nothing removes them; the CLI and plugin tests make folders too. TMPDIR (and TMP,
//    TEMP on Windows) point at a fresh folder here: `os.tmpdir()` reads them on every call, the
//    test workers and every process they spawn inherit them, and the global teardown removes the
//    folder (test/setup/temp-folder.test.ts shows that the tests' files land in it).
// 2. A current lib/. The CLI, plugin and tarball tests run the built package as users do. When
//    lib/ is missing or older than src/, the project's own compile task (jsii, then the bin's
//    mode) builds it once here. A failed compile does not stop the tests that read the sources;
//    the tests that need lib/ call `builtPackage()` (./built-package.ts), which throws the
//    compiler's output instead of letting them run an old lib/. In the build (compile,
//    post-compile, test) lib/ is current and this costs nothing.
import { spawnSync } from 'child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { LIB_ERROR, OUTER_TMPDIR, RUN_TMPDIR } from './run-env';

const ROOT = join(__dirname, '..', '..');

export default function globalSetup(): void {
  const outer = tmpdir();
  const own = mkdtempSync(join(outer, 'istio-sidecar-tests-'));
  process.env[OUTER_TMPDIR] = outer;
  process.env[RUN_TMPDIR] = own;
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = own;
  // Synth prints its warnings for people; thousands of test apps would flood the output. The
  // tests of printing itself set `quiet: false` (which wins over the variable) or clear it.
  process.env.CDK8S_ISTIO_SIDECAR_QUIET = '1';

  delete process.env[LIB_ERROR];
  const stale = staleOutputs();
  const error = stale.length > 0 ? compile(stale) : undefined;
  if (error !== undefined) {
    const file = join(own, 'lib-compile-error.txt');
    writeFileSync(file, error);
    process.env[LIB_ERROR] = file;
  }
}

/**
 * What makes lib/ out of date: src/ files whose output is missing or older than them or than
 * tsconfig.json, outputs whose source is gone (they would be packed), and the bin's mode.
 */
export function staleOutputs(): string[] {
  const stale: string[] = [];
  const tsconfig = statSync(join(ROOT, 'tsconfig.json')).mtimeMs;
  const counterpart = (path: string, from: string, to: string, ext: RegExp, toExt: string) =>
    join(ROOT, to, relative(join(ROOT, from), path)).replace(ext, toExt);
  walk(join(ROOT, 'src'), (path) => {
    if (!path.endsWith('.ts') || path.endsWith('.d.ts')) return;
    const out = counterpart(path, 'src', 'lib', /\.ts$/, '.js');
    if (!existsSync(out) || statSync(out).mtimeMs < Math.max(statSync(path).mtimeMs, tsconfig)) stale.push(relative(ROOT, path));
  });
  walk(join(ROOT, 'lib'), (path) => {
    if (path.endsWith('.js') && !existsSync(counterpart(path, 'lib', 'src', /\.js$/, '.ts'))) stale.push(`${relative(ROOT, path)} (its source is gone)`);
  });
  const bin = join(ROOT, 'lib', 'cli', 'main.js');
  if (existsSync(bin) && !isExecutable(bin)) stale.push('lib/cli/main.js (not executable)');
  return stale;
}

function walk(dir: string, visit: (path: string) => void): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs the compile task; returns what went wrong, if it did. */
function compile(stale: string[]): string | undefined {
  const projen = join(ROOT, 'node_modules', 'projen', 'bin', 'projen');
  const result = spawnSync(process.execPath, [projen, 'compile'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (result.status === 0) return undefined;
  const which = `${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}`;
  return `lib/ is out of date (${which}) and \`projen compile\` failed:\n${result.stdout}\n${result.stderr}${result.error ?? ''}`;
}
