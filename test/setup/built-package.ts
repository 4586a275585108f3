// For the tests that run the built package (lib/) as users do: the bin, the cdk8s-cli plugin,
// the npm tarball. The global setup compiled lib/ if it was out of date; this returns the package
// root, or throws the compiler's output when that compile failed, so such a test never runs an
// old lib/ (and never passes without one).
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { LIB_ERROR } from './run-env';

export const PACKAGE_ROOT = join(__dirname, '..', '..');

/** The root of the built package (its package.json, lib/ and .jsii). */
export function builtPackage(): string {
  const error = process.env[LIB_ERROR];
  if (error) throw new Error(existsSync(error) ? readFileSync(error, 'utf8') : `lib/ did not compile (${error} is gone)`);
  if (!existsSync(join(PACKAGE_ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: the jest global setup (test/setup/global-setup.ts) did not run');
  }
  return PACKAGE_ROOT;
}

/** The built bin, `lib/cli/main.js`. */
export function builtBin(): string {
  return join(builtPackage(), 'lib', 'cli', 'main.js');
}
