// For the tests that run the built package (lib/) as users do: the bin, the cdk8s-cli plugin,
// the npm tarball. The global setup compiled lib/ if it was out of date; this returns the package
// root, or throws the compiler's output when that compile failed, so such a test never runs an
// old lib/ (and never passes without one).
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
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

/** One entry of `validations:` in cdk8s.yaml. */
export interface PluginValidation {
  readonly package: string;
  readonly version: string;
  readonly class: string;
  readonly properties?: { readonly [name: string]: unknown };
}

/**
 * The README's plugin snippet, the ```yaml block between `<!-- plugin-snippet:start -->` and
 * `<!-- plugin-snippet:end -->`: its text as written (for a cdk8s.yaml) and what it says.
 */
export function readmePluginSnippet(): { readonly yaml: string; readonly validations: PluginValidation[] } {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const block = /<!-- plugin-snippet:start -->\s*```yaml\n([\s\S]*?)```\s*<!-- plugin-snippet:end -->/.exec(readme);
  if (!block) throw new Error('README.md has no ```yaml block between <!-- plugin-snippet:start --> and <!-- plugin-snippet:end -->');
  return { yaml: block[1], validations: parse(block[1]).validations };
}

/**
 * Installs the built package into a project's node_modules the way `npm install <folder>` does
 * (a link), so `package: ./node_modules/cdk8s-istio-sidecar` finds it; returns its path there.
 */
export function installBuiltPackage(project: string): string {
  const root = builtPackage();
  const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const target = join(project, 'node_modules', name);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(root, target, 'dir');
  return target;
}
