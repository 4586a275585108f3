// `cdk8s synth` in a temporary cdk8s project whose cdk8s.yaml holds the README's plugin snippet
// exactly as written, with the built package installed into the project's node_modules.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PACKAGE_ROOT as ROOT, installBuiltPackage, readmePluginSnippet } from '../setup/built-package';

const CDK8S_CLI = join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

const APP = `
const { App, Chart, ApiObject } = require('cdk8s');
const app = new App();
const chart = new Chart(app, 'shop', { namespace: 'shop' });
new ApiObject(chart, 'default-sidecar', {
  apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default' },
  spec: { egress: [{ hosts: process.env.HOSTS.split(',') }] },
});
app.synth();
`;

/** Runs `cdk8s synth` with the README's snippet; `edit` changes it as a user following its comments would. */
function synth(hosts: string, edit: (snippet: string) => string = (snippet) => snippet) {
  const dir = mkdtempSync(join(tmpdir(), 'cdk8s-plugin-'));
  try {
    installBuiltPackage(dir);
    writeFileSync(join(dir, 'main.js'), APP);
    writeFileSync(join(dir, 'cdk8s.yaml'), `language: typescript\napp: node main.js\n${edit(readmePluginSnippet().yaml)}`);
    const result = spawnSync(process.execPath, [CDK8S_CLI, 'synth', '--no-check-upgrade'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOSTS: hosts, NODE_PATH: join(ROOT, 'node_modules') },
    });
    return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the cdk8s-cli validation plugin, through cdk8s synth', () => {
  test('a good app -> exit 0 and a success report', () => {
    const { code, output } = synth('./*');
    expect(output).toContain('Validation Report');
    expect(output).toMatch(/Status\s*│\s*success/);
    expect(code).toBe(0);
  }, 120_000);

  test('a bad app -> non-zero exit, the rule, the construct path, the field and the fix', () => {
    const { code, output } = synth('reviews.shop.svc.cluster.local');
    expect(code).not.toBe(0);
    expect(output).toMatch(/Status\s*│\s*failure/);
    expect(output).toContain('S-HOST-FORMAT (error)');
    expect(output).toContain('Construct Path: shop/default-sidecar');
    expect(output).toMatch(/> spec\.egress\[0\]\.hosts\[0\] \(line \d+, column \d+\)/);
    expect(output).toContain('Recommendation: egress host "reviews.shop.svc.cluster.local" is invalid');
  }, 120_000);

  test('properties mirror the CLI options: a warning passes, unless failOn is warning', () => {
    // "shop/*" already imports "shop/a.example.com": Istio accepts the pair with a warning.
    const hosts = 'shop/*,shop/a.example.com';
    const lenient = synth(hosts);
    expect(lenient.output).toContain('S-HOST-DUPLICATE (warning)');
    expect(lenient.code).toBe(0);
    const strict = synth(hosts, (snippet) => {
      if (!snippet.includes('failOn: error ')) throw new Error('the README snippet no longer sets failOn: error');
      return snippet.replace('failOn: error ', 'failOn: warning ');
    });
    expect(strict.code).not.toBe(0);
  }, 120_000);
});
