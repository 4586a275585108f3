// The npm package as `npm pack` builds it (jsii-pacmak's js target runs the same, and every other
// language's package embeds that tarball): what it holds, and that its bin is executable. The
// global setup compiles lib/ when it is out of date (test/setup/global-setup.ts).
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, dirname, join, resolve } from 'path';
import { gunzipSync } from 'zlib';
import { builtPackage, readmePluginSnippet } from './setup/built-package';

interface TarEntry {
  readonly path: string;
  readonly mode: number;
  readonly content: Buffer;
}

/** The regular files of a gzipped tarball, with the paths given by ustar or pax headers. */
function readTarball(file: string): TarEntry[] {
  const tar = gunzipSync(readFileSync(file));
  const text = (offset: number, length: number) => tar.toString('utf8', offset, offset + length).replace(/\0.*$/s, '');
  const octal = (offset: number, length: number) => parseInt(text(offset, length).trim() || '0', 8);
  const entries: TarEntry[] = [];
  let paxPath: string | undefined;
  for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0;) {
    const size = octal(offset + 124, 12);
    const type = text(offset + 156, 1) || '0';
    const content = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(content.toString('utf8'))?.[1];
    } else {
      const prefix = text(offset + 345, 155);
      const name = text(offset, 100);
      if (type === '0') entries.push({ path: paxPath ?? (prefix ? `${prefix}/${name}` : name), mode: octal(offset + 100, 8), content });
      paxPath = undefined;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** The bundled dependencies and, recursively, theirs: npm bundles the whole tree. */
function bundledTree(root: string, names: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    Object.keys(manifest.dependencies ?? {}).forEach(visit);
  };
  names.forEach(visit);
  return [...seen];
}

describe('the npm tarball', () => {
  let dir: string;
  let files: Map<string, TarEntry>;
  let pkg: { name: string; version: string; bin: Record<string, string>; bundledDependencies: string[]; peerDependencies: Record<string, string> };
  let bundled: string[];
  let project: string;

  beforeAll(() => {
    const root = builtPackage();
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    bundled = bundledTree(root, pkg.bundledDependencies).map((name) => `node_modules/${name}/`);
    dir = mkdtempSync(join(tmpdir(), 'npm-pack-'));
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
    const [{ filename }] = JSON.parse(packed.stdout);
    files = new Map(readTarball(join(dir, filename)).map((e) => [e.path.replace(/^package\//, ''), e]));

    // A cdk8s project with the tarball installed, as npm installs it (its peers from ours).
    project = join(dir, 'project');
    for (const [path, entry] of files) {
      const target = join(project, 'node_modules', pkg.name, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.content, { mode: entry.mode });
    }
    for (const peer of Object.keys(pkg.peerDependencies)) symlinkSync(join(root, 'node_modules', peer), join(project, 'node_modules', peer), 'dir');
  }, 120_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  test('holds the package, its docs, its license and its bundled dependencies, and nothing else', () => {
    const unexpected = [...files.keys()].filter((path) =>
      !['package.json', 'README.md', 'LICENSE', 'API.md', '.jsii'].includes(path)
      && !/^lib\/.*\.(js|d\.ts)$/.test(path)
      && !/^docs\/([^/]+\.md|images\/[^/]+\.svg)$/.test(path)
      && !bundled.some((prefix) => path.startsWith(prefix)));
    expect(unexpected).toEqual([]);
    for (const path of ['package.json', 'README.md', 'LICENSE', 'API.md', '.jsii', 'lib/index.js', 'lib/index.d.ts', 'docs/RULES.md']) {
      expect(files.has(path)).toBe(true);
    }
    expect(bundled.length).toBeGreaterThan(0);
    expect(bundled.filter((prefix) => ![...files.keys()].some((path) => path.startsWith(prefix)))).toEqual([]);
  });

  test('leaves out CI, benchmarks, example sources, build scripts, fixtures and tests', () => {
    const paths = [...files.keys()];
    for (const excluded of ['.ci/', 'bench/', 'examples/', 'projenrc/', 'rosetta/', 'src/', 'test/', '.projen/', 'dist/']) {
      expect(paths.filter((path) => path.startsWith(excluded))).toEqual([]);
    }
    expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  });

  test('every bin is executable, and starts with a node shebang', () => {
    expect(Object.keys(pkg.bin).length).toBeGreaterThan(0);
    for (const bin of Object.values(pkg.bin)) {
      const entry = files.get(bin);
      expect(entry).toBeDefined();
      expect((entry!.mode % 0o1000).toString(8)).toBe('755');
      expect(entry!.content.toString('utf8', 0, 20)).toMatch(/^#!\/usr\/bin\/env node\n/);
    }
  });

  test('lib/ carries no source maps, so no stack frame points at the unshipped src/', () => {
    const mapped = [...files.entries()]
      .filter(([path, entry]) => path.startsWith('lib/') && entry.content.includes('sourceMappingURL'))
      .map(([path]) => path);
    expect(mapped).toEqual([]);
  });

  test('installed, its bin runs when executed directly, as the jsii runtimes of other languages run it', () => {
    for (const bin of Object.values(pkg.bin)) {
      const run = spawnSync(join(project, 'node_modules', pkg.name, bin), ['--version'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` },
      });
      expect(run.error).toBeUndefined();
      expect(run.stdout.trim()).toBe(pkg.version);
      expect(run.status).toBe(0);
    }
  });

  test('installed, graph draws SVG with the bundled Graphviz (WebAssembly), no system binary', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {template: {metadata: {labels: {app: web}}}}\n';
    const run = spawnSync(process.execPath, [join(project, 'node_modules', pkg.name, pkg.bin['cdk8s-istio-sidecar']), 'graph', '--format', 'svg', '-'], { encoding: 'utf8', input: yaml });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<title>workload:shop/Deployment/web</title>');
  });

  test('installed, it loads as the plugin snippet of the README says, with the version package.json has', () => {
    const [validation] = readmePluginSnippet().validations;
    expect(validation.package).toBe(`./node_modules/${pkg.name}`);
    expect(validation.version).toBe(pkg.version);
    // What cdk8s-cli does with a local plugin: require the path from the project, instantiate the class.
    const script = `const m = require(${JSON.stringify(resolve(project, validation.package))});
      const plugin = new m[${JSON.stringify(validation.class)}](${JSON.stringify(validation.properties)});
      process.stdout.write(typeof plugin.validate);`;
    const load = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    expect(load.stderr).toBe('');
    expect(load.stdout).toBe('function');
  });
});
