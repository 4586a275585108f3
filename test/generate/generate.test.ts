import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import * as cdk8s from 'cdk8s';
import * as constructs from 'constructs';
import * as jsYaml from 'js-yaml';
import * as ts from 'typescript';
import * as library from '../../src';
import { analyze } from '../../src/analysis/engine';
import { Severity } from '../../src/analysis/finding';
import { main } from '../../src/cli/main';
import { generateSidecars, renderTypeScript } from '../../src/generate/generate';
import { parseTraffic } from '../../src/generate/traffic';

const FIXTURES = join(__dirname, 'fixtures');
const SHOP = join(FIXTURES, 'shop.yaml');
const SRC = resolve(__dirname, '..', '..', 'src');
const ROOT = resolve(__dirname, '..', '..');

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => { stdout += t + '\n'; }, stderr: (t) => { stderr += t + '\n'; }, readStdin: () => '' });
  return { code, stdout, stderr };
}

function shopManifests(): any[] {
  return jsYaml.loadAll(readFileSync(SHOP, 'utf8')) as any[];
}

const FRONTEND_HOSTS = ['catalog/catalog.catalog.svc.cluster.local', 'egress/api.stripe.com', 'shop/cart.shop.svc.cluster.local', 'istio-system/*'];
const CART_HOSTS = ['shop/redis.shop.svc.cluster.local', 'istio-system/*'];

const EXPECTED = [
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: 'cart', namespace: 'shop' },
    spec: { workloadSelector: { labels: { app: 'cart' } }, egress: [{ hosts: CART_HOSTS }] },
  },
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: 'frontend', namespace: 'shop' },
    spec: { workloadSelector: { labels: { app: 'frontend' } }, egress: [{ hosts: FRONTEND_HOSTS }] },
  },
];

/** A traffic file in a temp dir, removed after `use`. */
function withTrafficFile<T>(content: unknown, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'generate-'));
  try {
    const file = join(dir, 'traffic.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('generate from a Prometheus query result', () => {
  const out = run('generate', '--traffic', join(FIXTURES, 'prometheus.json'), SHOP);

  test('prints one Sidecar per workload with observed calls, sorted', () => {
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(jsYaml.loadAll(out.stdout)).toEqual(EXPECTED);
  });

  test('lists unknown workloads and destinations as comments at the top, never guessed', () => {
    const comments = out.stdout.split('\n').filter((l) => l.startsWith('#'));
    expect(comments.join('\n')).toContain('unknown destination ghost.example.com (called by shop/frontend)');
    expect(comments.join('\n')).toContain('unknown workload shop/legacy');
    expect(comments.join('\n')).toContain('unknown workload unknown/unknown');
    // A series whose value is 0 saw no traffic: catalog -> redis is not generated.
    expect(out.stdout).not.toContain('name: catalog');
  });

  test('is deterministic', () => {
    expect(run('generate', '--traffic', join(FIXTURES, 'prometheus.json'), SHOP).stdout).toBe(out.stdout);
  });

  test('lints clean through the engine with the manifests it was generated for', () => {
    const entries = [...shopManifests(), ...(jsYaml.loadAll(out.stdout) as any[])].map((manifest) => ({ manifest }));
    expect(analyze(entries).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  });

  test('reach shows the observed calls and the control plane, nothing else', () => {
    const manifests = [...shopManifests(), ...(jsYaml.loadAll(out.stdout) as any[])];
    const reach = library.MeshAnalysis.reach(manifests);
    const frontend = reach.find((r) => r.workload.name === 'frontend')!;
    expect(frontend.hosts.map((h) => h.host)).toEqual([
      'api.stripe.com', 'cart.shop.svc.cluster.local', 'catalog.catalog.svc.cluster.local', 'istiod.istio-system.svc.cluster.local',
    ]);
    expect(library.MeshAnalysis.canReach(manifests, 'shop/frontend', 'api.stripe.com:443').reachable).toBe(true);
  });
});

describe('generate from a Kiali graph export', () => {
  const out = run('generate', '--traffic', join(FIXTURES, 'kiali.json'), SHOP);

  test('prints the same Sidecars as the Prometheus form', () => {
    expect(out.code).toBe(0);
    expect(jsYaml.loadAll(out.stdout)).toEqual(EXPECTED);
  });

  test('lists what it cannot attribute or resolve', () => {
    const comments = out.stdout.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(comments).toContain('unknown destination service shop/ghost (called by shop/frontend)');
    expect(comments).toContain('unknown workload shop/legacy');
    expect(comments).toContain('not attributed to a workload: shop/batch -> shop/cart: the source is a Kiali app node');
    expect(comments).toContain('shop/cart (a Kiali workload node, not a service');
  });
});

describe('shape errors exit 2 naming the file and the field', () => {
  const series = (metric: object, value: unknown = [1700000000, '1']) => ({ metric, value });
  const ok = { source_workload: 'frontend', source_workload_namespace: 'shop', destination_service: 'cart.shop.svc.cluster.local' };
  const cases: Array<[string, unknown, string]> = [
    ['a missing source_workload', { status: 'success', data: { resultType: 'vector', result: [series(ok), series(ok), series(ok), series({ ...ok, source_workload: undefined })] } },
      'data.result[3].metric.source_workload is missing'],
    ['a number where a string goes', { status: 'success', data: { resultType: 'vector', result: [series({ ...ok, destination_service: 7 })] } },
      'data.result[0].metric.destination_service must be a string, not number 7'],
    ['a failed query', { status: 'error', error: 'bad query' }, 'status is "error", not "success": bad query'],
    ['a bad value', { status: 'success', data: { resultType: 'vector', result: [series(ok, [1, 'many'])] } }, 'data.result[0].value[1] must be a number in a string'],
    ['a scalar result', { status: 'success', data: { resultType: 'scalar', result: [1, '2'] } }, 'data.resultType is "scalar"'],
    ['a Kiali edge to no node', { elements: { nodes: [{ data: { id: 'a', nodeType: 'workload', namespace: 'shop', workload: 'frontend' } }], edges: [{ data: { source: 'a', target: 'b' } }] } },
      'elements.edges[0].data.target is "b", which no node of elements.nodes has as its id'],
    ['a Kiali node without nodeType', { elements: { nodes: [{ data: { id: 'a' } }] } }, 'elements.nodes[0].data.nodeType is missing'],
    ['neither shape', { hello: 'world' }, 'the top level is neither a Prometheus query result'],
    ['not JSON', '{"status":', 'not JSON'],
  ];
  test.each(cases)('%s', (_name, content, field) => {
    withTrafficFile(content, (file) => {
      const out = run('generate', '--traffic', file, SHOP);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain(`${file}: ${field}`);
    });
  });

  test('the parser names the file as given', () => {
    expect(() => parseTraffic(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {} }] } }), 'traffic.json'))
      .toThrow('traffic.json: data.result[0].metric.source_workload is missing');
  });

  test('usage errors', () => {
    expect(run('generate', SHOP)).toMatchObject({ code: 2, stderr: expect.stringContaining('generate needs --traffic FILE') });
    expect(run('generate', '--traffic', join(FIXTURES, 'prometheus.json'), '--format', 'json', SHOP).code).toBe(2);
    expect(run('generate', '--traffic', join(FIXTURES, 'missing.json'), SHOP)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read --traffic') });
    expect(run('generate', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('--traffic FILE') });
  });
});

describe('generate --format typescript', () => {
  test('compiles with the repo\'s strict options and synthesizes to the same Sidecars as the YAML form', () => {
    const traffic = parseTraffic(readFileSync(join(FIXTURES, 'prometheus.json'), 'utf8'), 'prometheus.json');
    const generated = generateSidecars(traffic, shopManifests().map((manifest) => ({ manifest })));
    const code = renderTypeScript(generated, 'prometheus.json', SRC);
    // The CLI's form differs only in the import specifier.
    const cli = run('generate', '--traffic', join(FIXTURES, 'prometheus.json'), '--format', 'typescript', SHOP).stdout.trimEnd();
    expect(cli).toBe(renderTypeScript(generated, join(FIXTURES, 'prometheus.json')));

    const dir = mkdtempSync(join(tmpdir(), 'generate-ts-'));
    try {
      const file = join(dir, 'observed-sidecars.ts');
      writeFileSync(file, code);
      const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
      const options: ts.CompilerOptions = {
        ...config.options,
        rootDir: undefined,
        outDir: undefined,
        declaration: false,
        noEmit: true,
        types: ['node'],
        paths: { cdk8s: [join(ROOT, 'node_modules', 'cdk8s')], constructs: [join(ROOT, 'node_modules', 'constructs')] },
      };
      const program = ts.createProgram([file], options);
      const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file || d.file === undefined);
      expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
      expect(config.options.strict).toBe(true);

      const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
      const modules: { [specifier: string]: unknown } = { [SRC]: library, constructs, cdk8s };
      const exports: { ObservedSidecars?: new (scope: constructs.Construct, id: string) => constructs.Construct } = {};
      new Function('require', 'exports', js)((specifier: string) => modules[specifier], exports);
      const app = cdk8s.Testing.app();
      const chart = new cdk8s.Chart(app, 'observed');
      new exports.ObservedSidecars!(chart, 'observed-sidecars');
      expect(chart.toJson()).toEqual(EXPECTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
