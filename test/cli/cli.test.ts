// End to end: the built bin, run as users run it (the jest global setup compiles lib/ when stale).
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { builtBin } from '../setup/built-package';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);

function cli(args: string[], stdin?: string) {
  const result = spawnSync(process.execPath, [builtBin(), ...args], { input: stdin, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cdk8s-istio-sidecar lint', () => {
  test('clean input -> exit 0 and a summary line', () => {
    const { code, stdout, stderr } = cli(['lint', fixture('good.yaml')]);
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe('0 errors, 0 warnings, 0 infos in 1 resource from 1 file');
    expect(code).toBe(0);
  });

  test('an error -> exit 1, one line per finding: file:line:col, severity, rule, message, field path and object', () => {
    const { code, stdout } = cli(['lint', fixture('bad.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${fixture('bad.yaml')}:8:15: error S-HOST-FORMAT: egress host "reviews.shop.svc.cluster.local" is invalid: `,
    );
    expect(stdout).toContain('(at spec.egress[0].hosts[0]) [Sidecar shop/default]');
    expect(stdout.trim().split('\n').pop()).toMatch(/^\d+ errors?, \d+ warnings?, \d+ infos? in 2 resources from 1 file \(\d+ at or above --fail-on error\)$/);
  });

  test('only warnings -> exit 0, or exit 1 with --fail-on warning', () => {
    expect(cli(['lint', fixture('warning-only.yaml')]).code).toBe(0);
    const strict = cli(['lint', '--fail-on', 'warning', fixture('warning-only.yaml')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning S-NAME-DEFAULT');
  });

  test('a finding suppressed by annotation fails nothing and is counted, not listed', () => {
    const { code, stdout } = cli(['lint', '--fail-on', 'warning', fixture('suppressed.yaml')]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('0 errors, 0 warnings, 0 infos in 1 resource from 1 file; 1 suppressed by annotation');
  });

  test('--format json prints exactly the documented shape', () => {
    const { code, stdout } = cli(['lint', '--format=json', fixture('warning-only.yaml')]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['findings', 'summary']);
    expect(json.summary).toEqual({ errors: 0, warnings: 1, infos: 0, resources: 1, suppressed: 0 });
    expect(json.findings).toHaveLength(1);
    expect(Object.keys(json.findings[0])).toEqual(['ruleId', 'severity', 'message', 'resource', 'path', 'file', 'line', 'column', 'references', 'related']);
    expect(json.findings[0].related).toEqual([]);
    expect(json.findings[0]).toMatchObject({
      ruleId: 'S-NAME-DEFAULT',
      severity: 'warning',
      resource: { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace: 'shop', name: 'egress-only' },
      file: fixture('warning-only.yaml'),
      path: 'metadata.name',
      line: 4,
      column: 9,
    });
    expect(Object.keys(json.findings[0].resource)).toEqual(['apiVersion', 'kind', 'namespace', 'name']);
    expect(Array.isArray(json.findings[0].references)).toBe(true);
  });

  test('a YAML syntax error -> exit 2 naming the file and line, and no findings at all', () => {
    const { code, stdout, stderr } = cli(['lint', fixture('good.yaml'), fixture('syntax-error.yaml')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^cdk8s-istio-sidecar: ${fixture('syntax-error.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML: `));
  });

  test('stdin via "-"', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', '-'], readFileSync(fixture('bad.yaml'), 'utf8'));
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { file: string }) => f.file)).toContain('<stdin>');
  });

  test('a directory is read recursively (*.yaml and *.yml only), in sorted order', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', fixture('dir')]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.summary.resources).toBe(2);
    expect(json.findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toEqual([`S-HOST-SHORT-NAME ${join(fixture('dir'), 'a.yaml')}`]);
  });

  test('a PATH that is a symbolic link to a directory is followed; linked files inside are read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-links-'));
    try {
      symlinkSync(fixture('dir'), join(dir, 'linked-dir'));
      symlinkSync(fixture('good.yaml'), join(dir, 'linked.yaml'));
      expect(JSON.parse(cli(['lint', '--format', 'json', join(dir, 'linked-dir')]).stdout).summary.resources).toBe(2);
      // Inside a directory: the linked file is read, the linked directory is not followed.
      expect(JSON.parse(cli(['lint', '--format', 'json', dir]).stdout).summary.resources).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a directory with no YAML file in it -> exit 2, naming it (a wrong PATH in CI must not pass)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-empty-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'notes.txt'), 'not yaml');
      const { code, stdout, stderr } = cli(['lint', fixture('good.yaml'), dir]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim()).toBe(`cdk8s-istio-sidecar: no YAML files under "${dir}" (looked for *.yaml and *.yml in it and its subdirectories)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('stdin findings are at <stdin>:line:col', () => {
    const { stdout } = cli(['lint', '-'], readFileSync(fixture('bad.yaml'), 'utf8'));
    expect(stdout).toContain('<stdin>:8:15: error S-HOST-FORMAT: ');
  });

  test('--format sarif and --format github, as the bin prints them', () => {
    const sarif = cli(['lint', '--format', 'sarif', fixture('bad.yaml')]);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 8, startColumn: 15 });
    const github = cli(['lint', '--format', 'github', fixture('bad.yaml')]);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=[^,]*bad\.yaml,line=8,col=15,title=S-HOST-FORMAT::egress host /);
  });

  test('positions cost a clean run nothing: the parser that keeps them is loaded only for findings', () => {
    const yamlModulesAfter = (file: string) => {
      const script = `const { main } = require(${JSON.stringify(builtBin())});
        main(['lint', ${JSON.stringify(file)}], { stdout() {}, stderr() {}, readStdin: () => '' });
        process.stdout.write(String(Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]yaml[\\\\/]/.test(k)).length));`;
      return Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout);
    };
    expect(yamlModulesAfter(fixture('good.yaml'))).toBe(0);
    expect(yamlModulesAfter(fixture('bad.yaml'))).toBeGreaterThan(0);
  });

  test('a kind: List is expanded', () => {
    const json = JSON.parse(cli(['lint', '--format', 'json', fixture('list.yaml')]).stdout);
    expect(json.summary.resources).toBe(3);
  });

  test('a Helm-style multi-document file with comments and empty documents', () => {
    const { code, stdout } = cli(['lint', fixture('helm-output.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('in 2 resources from 1 file');
  });

  test.each([
    [['lint'], 'lint needs at least one PATH'],
    [['lint', '--bogus', 'x.yaml'], 'unknown option "--bogus" for lint'],
    [['lint', '--format', 'xml', 'x.yaml'], '--format must be "text", "json", "sarif" or "github", not "xml"'],
    [['explain', '--format', 'sarif', 'x.yaml'], '--format must be "text" or "json", not "sarif"'],
    [['lint', '--fail-on', 'warnings', 'x.yaml'], '--fail-on "warnings" is invalid: expected "error", "warning", "info"'],
    [['lint', '--format'], '--format needs a value'],
    [['lint', '--format=', 'x.yaml'], '--format needs a value'],
    [['explain', '--fail-on', 'error', 'x.yaml'], 'unknown option "--fail-on" for explain'],
    [['reach', '--registry', 'complete', 'x.yaml'], 'unknown option "--registry" for reach'],
    [['reach', '--format', 'sarif', 'x.yaml'], '--format must be "text" or "json", not "sarif"'],
    [['reach', '--to', 'reviews:9080', 'x.yaml'], '--to needs --from: the workload whose proxy makes the call'],
    [['lint', '--outbound-policy', 'allow_any', 'x.yaml'], '--outbound-policy "allow_any" is invalid: expected "REGISTRY_ONLY" or "ALLOW_ANY"'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['lint', 'no-such-file.yaml'], 'cannot read "no-such-file.yaml": no such file or directory'],
    [['lint', '--root-namespace', 'Istio_System', 'x.yaml'], '--root-namespace "Istio_System" is invalid: expected a namespace name'],
    [['lint', '--cluster-domain', 'a..b', 'x.yaml'], '--cluster-domain "a..b" is invalid: '],
  ])('usage error %j -> exit 2', (args, message) => {
    const { code, stderr, stdout } = cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

describe('cdk8s-istio-sidecar explain', () => {
  test('prints which Sidecar applies to each workload, honouring creationTimestamp (oldest wins)', () => {
    const { code, stdout } = cli(['explain', '--format', 'json', fixture('list.yaml')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      workloads: [{
        workload: { kind: 'Pod', namespace: 'shop', name: 'ratings-7d9f' },
        sidecar: { namespace: 'shop', name: 'ratings-old' },
        via: 'selector',
        reason: expect.stringContaining('oldest of 2 matching Sidecars'),
        scope: { hosts: 0, visible: 0 },
      }],
    });
  });

  test('text output, with --root-namespace', () => {
    const { code, stdout } = cli(['explain', '--root-namespace', 'istio-config', fixture('helm-output.yaml')]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      'Deployment shop/cart -> Sidecar shop/default (namespace-default): no Sidecar with a matching workloadSelector; it is the Sidecar without a selector in namespace "shop"; '
      + 'scope: 0 of 0 hosts visible from its namespace',
    );
  });
});

describe('help and version', () => {
  test.each([[['--help']], [['lint', '--help']], [['explain', '-h']], [['reach', '--help']]])('%j prints usage and exits 0', (args) => {
    const { code, stdout } = cli(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: cdk8s-istio-sidecar/);
  });

  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('cdk8s-istio-sidecar convert', () => {
  test('prints a module that recreates the Sidecars of PATH, with each finding at its field', () => {
    const { code, stdout, stderr } = cli(['convert', fixture('good.yaml'), fixture('bad.yaml')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('import { ApiObject, App, Chart } from \'cdk8s\';');
    expect(stdout).toContain('import { EgressHost, NamespaceDefaultSidecar } from \'cdk8s-istio-sidecar\';');
    expect(stdout).toContain('export function addShop(chart: Chart): void {');
    expect(stdout).toContain('new NamespaceDefaultSidecar(chart, \'default\', { metadata: { namespace: \'shop\' } });');
    expect(stdout).toContain('// error S-HOST-FORMAT: egress host "reviews.shop.svc.cluster.local" is invalid');
    expect(stdout).toContain('  addShop(new Chart(app, \'shop\', { namespace: \'shop\' }));');
  });

  test('--root-namespace decides which default is the mesh default', () => {
    const { code, stdout } = cli(['convert', '--root-namespace', 'shop', fixture('good.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('new MeshDefaultSidecar(chart, \'default\');');
    expect(stdout).toContain('IstioMesh.configure(app, { rootNamespace: \'shop\' });');
  });

  test('usage errors -> exit 2 and one line: no PATH, an unknown option, a bad root namespace, nothing to convert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-convert-'));
    try {
      const services = join(dir, 'services.yaml');
      writeFileSync(services, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n');
      expect(cli(['convert'])).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('convert needs at least one PATH') });
      expect(cli(['convert', '--format', 'json', fixture('good.yaml')])).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('unknown option "--format" for convert') });
      expect(cli(['convert', '--root-namespace', 'Not_A_Namespace', fixture('good.yaml')]).code).toBe(2);
      const none = cli(['convert', services]);
      expect(none).toEqual({ code: 2, stdout: '', stderr: `cdk8s-istio-sidecar: ${services} holds no Sidecar or ServiceEntry (networking.istio.io) to convert\n` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help documents it, and the main help lists it', () => {
    const help = cli(['convert', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cdk8s-istio-sidecar convert [--root-namespace NS] PATH...');
    expect(cli(['--help']).stdout).toContain('  convert  print TypeScript that recreates the Sidecars and ServiceEntries in PATH');
  });
});
