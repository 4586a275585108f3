// `lint --format sarif` and `--format github`, in-process through `main`, read back and checked
// against the SARIF 2.1.0 object model and GitHub's workflow-command syntax.
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import type { Log, Result } from 'sarif';
import { lintInProcess } from './in-process';
import { Finding, Severity } from '../../src/analysis/finding';
import { RegistryCompleteness } from '../../src/analysis/registry-completeness';
import { findRule } from '../../src/analysis/rules';
import { LintReport, lintGithub } from '../../src/cli/report';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const RULES_MD = readFileSync(join(__dirname, '..', '..', 'docs', 'RULES.md'), 'utf8');

const lint = lintInProcess;

function sarif(...paths: string[]): { code: number; log: Log } {
  const { code, stdout, stderr } = lint(['--format', 'sarif', ...paths]);
  expect(stderr).toBe('');
  return { code, log: JSON.parse(stdout) as Log };
}

describe('--format sarif', () => {
  test('one SARIF 2.1.0 run: the tool with every rule, documented and linked to its section of docs/RULES.md', () => {
    const { log } = sarif(fixture('good.yaml'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(driver).toMatchObject({ name: 'cdk8s-istio-sidecar', version: pkg.version, informationUri: expect.stringMatching(/^https:\/\/github\.com\/[^/]+\/[^/]+$/) });
    expect(driver.rules!.length).toBeGreaterThan(50);
    for (const rule of driver.rules!) {
      const registered = findRule(rule.id)!;
      expect(rule).toEqual({
        id: registered.id,
        shortDescription: { text: registered.title },
        fullDescription: { text: registered.why },
        help: { text: registered.fix },
        helpUri: expect.stringMatching(/\/docs\/RULES\.md#[a-z0-9-]+$/),
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[registered.severity] },
      });
      // The anchor is one RULES.md links to, and its heading is the rule's.
      const anchor = rule.helpUri!.split('#')[1];
      expect(RULES_MD).toContain(`[${rule.id}](#${anchor})`);
      expect(RULES_MD).toContain(`### ${rule.id}\n`);
    }
    expect(log.runs[0].results).toEqual([]);
  });

  test('one result per finding: rule, level, message, file relative to the working directory, line and column', () => {
    const { code, log } = sarif(fixture('bad.yaml'));
    expect(code).toBe(1);
    const run = log.runs[0];
    const results = run.results!;
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const result of results) {
      expect(run.tool.driver.rules![result.ruleIndex!].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toEqual(expect.any(String));
      expect(result.locations).toHaveLength(1);
    }
    const host = results.find((r) => r.ruleId === 'S-HOST-FORMAT')!;
    expect(host.level).toBe('error');
    expect(host.message.text).toContain('egress host "reviews.shop.svc.cluster.local" is invalid');
    expect(host.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: relative(process.cwd(), fixture('bad.yaml')).split('\\').join('/') },
      region: { startLine: 8, startColumn: 15 },
    });
    expect(host.locations![0].logicalLocations).toEqual([{ fullyQualifiedName: 'networking.istio.io/v1/Sidecar/shop/default:spec.egress[0].hosts[0]', kind: 'object' }]);
    expect(results.find((r) => r.ruleId === 'S-NAME-DEFAULT')!.level).toBe('warning');
  });

  test('a finding suppressed by annotation is a result with an in-source suppression and its reason', () => {
    const { code, log } = sarif(fixture('suppressed.yaml'));
    expect(code).toBe(0);
    const suppressed = log.runs[0].results!.filter((r: Result) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({
      ruleId: 'S-NAME-DEFAULT',
      level: 'warning',
      suppressions: [{ kind: 'inSource', justification: 'legacy name kept until the namespace migrates' }],
    });
    expect(suppressed[0].locations![0].physicalLocation!.region).toEqual({ startLine: 4, startColumn: 9 });
  });

  test('stdin has no file to point at: a logical location only', () => {
    const { stdout } = lint(['--format', 'sarif', '-'], readFileSync(fixture('bad.yaml'), 'utf8'));
    const result = (JSON.parse(stdout) as Log).runs[0].results![0];
    expect(result.locations![0].physicalLocation).toBeUndefined();
    expect(result.locations![0].logicalLocations![0].fullyQualifiedName).toContain('Sidecar/shop/default');
  });
});

/** `::error file=F,line=L,col=C,title=T::message`: properties escape % CR LF : and ,; the message % CR LF. */
const COMMAND = /^::(error|warning|notice) ((?:[a-z]+=(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)*)(?:,[a-z]+=(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)*)*)::((?:[^%\r\n]|%25|%0D|%0A)*)$/;

describe('--format github', () => {
  test('one workflow command per finding, then the summary line', () => {
    const { code, stdout } = lint(['--format', 'github', '--fail-on', 'warning', fixture('bad.yaml')]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const summary = lines.pop();
    expect(summary).toMatch(/^3 errors, 1 warning, 0 infos in 2 resources from 1 file/);
    for (const line of lines) expect(line).toMatch(COMMAND);
    const file = relative(process.cwd(), fixture('bad.yaml')).split('\\').join('/');
    expect(lines[0]).toBe(`::error file=${file},line=8,col=15,title=S-HOST-FORMAT::egress host "reviews.shop.svc.cluster.local" is invalid: expected "<namespace>/<dnsName>", e.g. "*/foo.com", "./*" or "istio-system/*" (at spec.egress[0].hosts[0]) [Sidecar shop/default]`);
    expect(lines.filter((l) => l.startsWith('::warning file='))).toHaveLength(1);
  });

  test('info is a notice; %, CR and LF are escaped in the message, and : and , too in properties', () => {
    const finding: Finding = {
      ruleId: 'S-EXAMPLE',
      severity: Severity.INFO,
      message: '100% sure\r\nsecond line: a, b',
      resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'p' },
      path: 'spec',
      references: [],
      location: 'odd,dir:x/a%b.yaml',
    };
    const report: LintReport = {
      result: { settings: { rootNamespace: 'istio-system', clusterDomain: 'cluster.local', failOn: Severity.ERROR, registry: RegistryCompleteness.PARTIAL }, findings: [finding], summary: { errors: 0, warnings: 0, infos: 1, suppressed: 0 }, blocking: [] },
      positions: [{ line: 3, column: 5 }],
      resources: 1,
      files: 1,
    };
    const [line] = lintGithub(report, '/work').split('\n');
    expect(line).toMatch(COMMAND);
    expect(line).toBe('::notice file=odd%2Cdir%3Ax/a%25b.yaml,line=3,col=5,title=S-EXAMPLE::100%25 sure%0D%0Asecond line: a, b (at spec) [Pod shop/p]');
  });

  test('stdin has no file: the annotation has only a title', () => {
    const { stdout } = lint(['--format', 'github', '-'], readFileSync(fixture('bad.yaml'), 'utf8'));
    const lines = stdout.trimEnd().split('\n');
    lines.pop();
    for (const line of lines) expect(line).toMatch(/^::(error|warning) title=[A-Z0-9-]+::/);
  });
});
