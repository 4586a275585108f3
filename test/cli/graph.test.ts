// `cdk8s-istio-sidecar graph`: the picture in each format, through the built bin as users run it.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { builtBin } from '../setup/built-package';

const FIXTURE = join(__dirname, 'fixtures', 'reach.yaml');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [builtBin(), ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cdk8s-istio-sidecar graph', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('dot by default: namespaces as clusters, the Sidecar each workload gets, imports and declared calls', () => {
    const { code, stdout, stderr } = cli(['graph', FIXTURE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^digraph mesh \{/);
    expect(stdout).toContain('subgraph "cluster_bookinfo"');
    expect(stdout).toContain('Deployment productpage\\nSidecar bookinfo/default (namespace-default)');
  });

  test('mermaid, and a mesh whose calls are all served has no red edge', () => {
    const { code, stdout } = cli(['graph', '--format', 'mermaid', FIXTURE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^flowchart LR/);
    expect(stdout).not.toContain('stroke:red');
  });

  test('svg on stdout: drawn in-process, no Graphviz binary needed', () => {
    const { code, stdout, stderr } = cli(['graph', '--format', 'svg', FIXTURE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml[^>]*>\s*<!DOCTYPE svg/);
    expect(stdout).toContain('<title>workload:bookinfo/Deployment/productpage</title>');
  });

  test('--out FILE: the format from its extension, nothing on stdout', () => {
    const out = join(dir, 'mesh.html');
    const { code, stdout, stderr } = cli(['graph', '--out', out, FIXTURE]);
    expect([code, stdout, stderr]).toEqual([0, '', '']);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h2 id="findings">Findings</h2>');
    expect(html).toContain('<td>Deployment bookinfo/productpage</td>');
  });

  test('--format wins over the extension', () => {
    const out = join(dir, 'picture.txt');
    expect(cli(['graph', '--format', 'mermaid', '--out', out, FIXTURE]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^flowchart LR\n/);
  });

  test('--from: only that workload', () => {
    const { code, stdout } = cli(['graph', '--from', 'bookinfo/productpage', FIXTURE]);
    expect(code).toBe(0);
    const workloads = stdout.split('\n').filter((line) => /^\s+"workload:[^"]*" \[/.test(line));
    expect(workloads.map((line) => line.trim().split('"')[1])).toEqual(['workload:bookinfo/Deployment/productpage']);
  });

  test.each([
    [['graph', '--format', 'png', FIXTURE], '--format must be "dot", "mermaid", "svg" or "html", not "png"'],
    [['graph', '--collapse-above', 'many', FIXTURE], '--collapse-above "many" is invalid: expected a whole number'],
    [['graph', '--out', 'mesh.txt', FIXTURE], '--out "mesh.txt" does not say the format by its extension (.dot, .gv, .mmd, .mermaid, .svg, .html, .htm): name the file so, or give --format'],
    [['graph', '--from', 'bookinfo/nope', FIXTURE], 'no workload "bookinfo/nope" in the input; workloads include "bookinfo/productpage"'],
    [['graph', '--out', '/nonexistent-folder/mesh.svg', FIXTURE], 'cannot write --out "/nonexistent-folder/mesh.svg": its folder does not exist'],
  ])('usage error %j -> exit 2, nothing written', (args, message) => {
    const { code, stdout, stderr } = cli(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(existsSync('mesh.txt')).toBe(false);
  });
});
