// SidecarConversion.toTypeScript: every case is converted, type-checked under the project's strict
// compiler options (one program for all cases), run, synthesized, and compared field for field
// with its input. Generated modules live in a temp folder outside the repository and import the
// library from this repository's src/.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { loadAll } from 'js-yaml';
import * as ts from 'typescript';
import { buildMeshApp } from '../../examples/mesh/main';
import { IstioMesh, SidecarConversion } from '../../src';
import { SEED_DOCUMENTS } from '../fixtures/seed-documents';
import { SEED, sidecarArb } from '../reliability/arbitraries';
import { buildApp } from '../reliability/harness';

type Json = { [key: string]: any };

const REPO = join(__dirname, '..', '..');
const SRC = join(REPO, 'src');

// ---------------------------------------------------------------------------------------------
// The cases

const sidecar = (name: string, namespace: string, spec: Json, metadata: Json = {}): Json => ({
  apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name, namespace, ...metadata }, spec,
});

const TLS = {
  mode: 'MUTUAL',
  serverCertificate: '/etc/certs/cert.pem',
  privateKey: '/etc/certs/key.pem',
  caCertificates: '/etc/certs/ca.pem',
  caCrl: '/etc/certs/crl.pem',
  minProtocolVersion: 'TLSV1_2',
  maxProtocolVersion: 'TLSV1_3',
  cipherSuites: ['ECDHE-RSA-AES256-GCM-SHA384'],
  ecdhCurves: ['P-256'],
  verifyCertificateSpki: ['c3BraQ=='],
  verifyCertificateHash: ['ab:cd'],
  insecureSkipVerify: false,
};
const POOL = {
  tcp: { maxConnections: 100, connectTimeout: '5s', tcpKeepalive: { probes: 3, time: '7200s', interval: '75s' }, maxConnectionDuration: '3600s', idleTimeout: '1.5s' },
  http: {
    http1MaxPendingRequests: 10,
    http2MaxRequests: 20,
    maxRequestsPerConnection: 1,
    maxRetries: 3,
    idleTimeout: '0.25s',
    h2UpgradePolicy: 'UPGRADE',
    useClientProtocol: false,
    maxConcurrentStreams: 50,
    http2KeepAlive: { interval: '30s', timeout: '10s' },
  },
};

/** Hand-written Sidecars: every field of the typed model at least once, and the construct each must become. */
const TABLE: ReadonlyArray<{ readonly title: string; readonly manifest: Json; readonly construct: string }> = [
  {
    title: 'ingress with tls, connectionPool, bind, captureMode and a unix defaultEndpoint; inboundConnectionPool',
    construct: 'WorkloadSidecar',
    manifest: sidecar('web', 'table', {
      workloadSelector: { labels: { 'app': 'web', 'app.kubernetes.io/part-of': 'shop' } },
      ingress: [
        { port: { number: 8443, protocol: 'HTTPS', name: 'https' }, bind: '0.0.0.0', captureMode: 'DEFAULT', defaultEndpoint: 'unix:///var/run/web.sock', tls: TLS, connectionPool: POOL },
        { port: { number: 9443, protocol: 'TLS', name: 'tls' }, defaultEndpoint: '127.0.0.1:9091', tls: { mode: 'SIMPLE', caCertCredentialName: 'web-ca', serverCertificate: '/c', privateKey: '/k' } },
      ],
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
      inboundConnectionPool: { tcp: { maxConnections: 7 } },
    }, { labels: { team: 'shop' }, annotations: { 'example.com/owner': 'shop-team' } }),
  },
  {
    title: 'egress with port, bind, captureMode and every host form; outboundTrafficPolicy with egressProxy',
    construct: 'WorkloadSidecar',
    manifest: sidecar('egress', 'table', {
      workloadSelector: { labels: { app: 'egress' } },
      egress: [
        { port: { number: 3306, protocol: 'MYSQL', name: 'mysql' }, bind: '127.0.0.1', captureMode: 'NONE', hosts: ['*/mysql.example.com'] },
        { port: { number: 9000, name: 'sniffed' }, bind: '::1', captureMode: 'IPTABLES', hosts: ['db/*', 'db/pg.db.svc.cluster.local'] },
        { port: { protocol: 'HTTP', name: 'uds' }, bind: 'unix:///var/run/egress.sock', captureMode: 'DEFAULT', hosts: ['./reviews.table.svc.cluster.local'] },
        { hosts: ['./*', '~shop/secret.shop.svc.cluster.local', '*/*'] },
      ],
      outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 }, subset: 'v1' } },
    }),
  },
  {
    title: 'loopback defaultEndpoint, REGISTRY_ONLY, an IPv6 endpoint',
    construct: 'WorkloadSidecar',
    manifest: sidecar('loop', 'table', {
      workloadSelector: { labels: { app: 'loop' } },
      ingress: [
        { port: { number: 8080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8081' },
        { port: { number: 8082, protocol: 'TCP' }, defaultEndpoint: '[::1]:8083' },
      ],
      egress: [{ hosts: ['~/*'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    }),
  },
  {
    title: 'a namespace default without egress keeps having none',
    construct: 'NamespaceDefaultSidecar',
    manifest: sidecar('default', 'table-ns', { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }),
  },
  {
    title: 'a selector-less Sidecar not named default is a NamespaceDefaultSidecar with its name',
    construct: 'NamespaceDefaultSidecar',
    manifest: sidecar('all-of-it', 'table-ns2', { egress: [{ hosts: ['./*'] }] }),
  },
  {
    title: 'pods without iptables: every listener captureMode NONE',
    construct: 'NoIptablesSidecar',
    manifest: sidecar('no-iptables', 'table', {
      workloadSelector: { labels: { app: 'vm' } },
      ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, captureMode: 'NONE', defaultEndpoint: '127.0.0.1:8080' }],
      egress: [{ port: { number: 6379, protocol: 'REDIS', name: 'redis' }, bind: '127.0.0.1', captureMode: 'NONE', hosts: ['cache/redis.cache.svc.cluster.local'] }],
    }),
  },
  {
    title: 'mixed capture modes with explicit egress',
    construct: 'PartialIptablesSidecar',
    manifest: sidecar('partial', 'table', {
      workloadSelector: { labels: { app: 'partial' } },
      ingress: [{ port: { number: 80, protocol: 'HTTP', name: 'http' }, bind: '172.16.1.32', captureMode: 'NONE', defaultEndpoint: '127.0.0.1:8080' }],
      egress: [{ port: { number: 443, protocol: 'TLS', name: 'tls' }, captureMode: 'IPTABLES', hosts: ['*/api.example.com'] }, { captureMode: 'IPTABLES', hosts: ['./*'] }],
    }),
  },
  {
    title: 'almost no-iptables, but one listener is captured: not a NoIptablesSidecar',
    construct: 'WorkloadSidecar',
    manifest: sidecar('almost', 'table', {
      workloadSelector: { labels: { app: 'almost' } },
      ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, captureMode: 'NONE', defaultEndpoint: '127.0.0.1:8080' }],
      egress: [{ port: { number: 3306, protocol: 'MYSQL', name: 'mysql' }, bind: '127.0.0.1', captureMode: 'DEFAULT', hosts: ['*/db.example.com'] }],
    }),
  },
  {
    title: 'a Sidecar with a selector and no egress: WorkloadSidecar with egress: []',
    construct: 'WorkloadSidecar',
    manifest: sidecar('ingress-only', 'table', {
      workloadSelector: { labels: { app: 'ingress-only' } },
      ingress: [{ port: { number: 8080, protocol: 'HTTP2', name: 'h2' }, defaultEndpoint: '0.0.0.0:8080' }],
    }),
  },
  {
    title: 'a selector-less Sidecar in the root namespace not named default: Sidecar',
    construct: 'Sidecar',
    manifest: sidecar('root-other', 'istio-system', { egress: [{ hosts: ['istio-system/*'] }] }),
  },
  {
    title: 'a valid suppress annotation becomes RuleSuppressions.add',
    construct: 'NamespaceDefaultSidecar',
    manifest: sidecar('legacy', 'table-supp', { egress: [{ hosts: ['./*'] }] }, {
      annotations: { 'cdk8s-istio-sidecar.io/suppress': '{"S-NAME-DEFAULT":"legacy name kept until the namespace migrates"}', 'keep': 'me' },
    }),
  },
  {
    title: 'an unknown field: a raw ApiObject, with why',
    construct: 'ApiObject',
    manifest: sidecar('unknown', 'table', { workloadSelector: { labels: { app: 'u' } }, egress: [{ hosts: ['./*'], frobnicate: true }] }),
  },
  {
    title: 'an egress host the engine rejects: a raw ApiObject, with the finding at its line',
    construct: 'ApiObject',
    manifest: sidecar('bad-host', 'table', { workloadSelector: { labels: { app: 'bad' } }, egress: [{ hosts: ['reviews.shop.svc.cluster.local'] }] }),
  },
  {
    title: 'a duration in minutes, which the typed model writes as seconds: a raw ApiObject',
    construct: 'ApiObject',
    manifest: sidecar('minutes', 'table', { workloadSelector: { labels: { app: 'm' } }, inboundConnectionPool: { tcp: { connectTimeout: '1m' } } }),
  },
  {
    title: 'a ServiceEntry with every field',
    construct: 'ServiceEntry',
    manifest: {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'ServiceEntry',
      metadata: { name: 'api', namespace: 'table', labels: { team: 'x' } },
      spec: {
        hosts: ['api.example.com', '*.api.example.com'],
        addresses: ['10.1.2.3', '192.168.0.0/16'],
        ports: [{ number: 443, name: 'https', protocol: 'HTTPS', targetPort: 8443 }, { number: 80, name: 'http' }],
        location: 'MESH_INTERNAL',
        resolution: 'STATIC',
        endpoints: [{ address: '10.1.2.3', ports: { https: 8443 }, labels: { v: '1' }, network: 'n1', locality: 'us-east1/us-east1-b', weight: 3, serviceAccount: 'api' }],
        workloadSelector: { labels: { app: 'api' } },
        exportTo: ['.', 'istio-system'],
        subjectAltNames: ['spiffe://cluster.local/ns/table/sa/api'],
      },
    },
  },
];

/** The Sidecars and ServiceEntries examples/mesh synthesizes. */
function meshExampleManifests(): Json[] {
  const previous = process.env.CDK8S_ISTIO_SIDECAR_QUIET;
  process.env.CDK8S_ISTIO_SIDECAR_QUIET = '1';
  try {
    const app = buildMeshApp(new App({ outdir: '/nonexistent-outdir' }));
    return app.charts.flatMap((chart) => Testing.synth(chart));
  } finally {
    if (previous === undefined) delete process.env.CDK8S_ISTIO_SIDECAR_QUIET;
    else process.env.CDK8S_ISTIO_SIDECAR_QUIET = previous;
  }
}

/** 25 random valid Sidecars of the reliability suite's generators, as they render. */
function randomSidecars(): Json[] {
  const inputs = fc.sample(sidecarArb('valid', 'ns'), { numRuns: 25, seed: SEED }).map((s, i) => ({ ...s, namespace: `random-${i}` }));
  const built = buildApp(inputs);
  return built.chart.toJson();
}

/** Inputs a cluster export or a hand-edited file may hold: each is converted, compiles, and comes back. */
const HOSTILE: Json[] = [
  { apiVersion: 'networking.istio.io/v2', kind: 'Sidecar', metadata: { name: 'future', namespace: 'odd' }, spec: { egress: [{ hosts: ['./*'] }] } },
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'no-spec', namespace: 'odd' } },
  sidecar('string-spec', 'odd', 'egress: everything' as unknown as Json),
  sidecar('string-port', 'odd', { workloadSelector: { labels: { app: 'p' } }, ingress: [{ port: { number: '8080' } }] }),
  sidecar('hosts-string', 'odd', { workloadSelector: { labels: { app: 'h' } }, egress: [{ hosts: './*' }] }),
  sidecar('root-with-selector', 'istio-system', { workloadSelector: { labels: { app: 'r' } }, egress: [{ hosts: ['./*'] }] }),
  sidecar('exported', 'odd', { workloadSelector: { labels: { 'app': 'e', 'quoted key': 'x' } } }, {
    uid: '1234',
    resourceVersion: '42',
    creationTimestamp: '2024-01-01T00:00:00Z',
    generation: 3,
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"networking.istio.io/v1","kind":"Sidecar"}\n', 'it\'s': 'a "quote"' },
  }),
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'no-namespace' }, spec: { egress: [{ hosts: ['*/*'] }] } },
  { apiVersion: 'v1', kind: 'List', items: [sidecar('listed', 'odd', { workloadSelector: { labels: { app: 'l' } }, egress: [{ hosts: ['~/*'] }] })] },
  { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'no-hosts', namespace: 'odd' }, spec: { ports: [{ number: 80, name: 'http' }] } },
  sidecar('default', 'dup', { egress: [{ hosts: ['./*'] }] }),
  sidecar('default', 'dup', { egress: [{ hosts: ['dup/*'] }] }),
];

interface Case {
  readonly name: string;
  readonly manifests: Json[];
  readonly rootNamespace?: string;
  code?: string;
  file?: string;
}

const CASES: { [name: string]: Case } = {
  seed: { name: 'seed', manifests: SEED_DOCUMENTS as Json[], rootNamespace: 'istio-config' },
  mesh: { name: 'mesh', manifests: meshExampleManifests() },
  table: { name: 'table', manifests: TABLE.map((t) => t.manifest) },
  random: { name: 'random', manifests: randomSidecars() },
  hostile: { name: 'hostile', manifests: HOSTILE },
};

// ---------------------------------------------------------------------------------------------
// Convert, compile, run

let dir: string;
let diagnostics: string[] = [];

function typeCheck(files: string[]): string[] {
  const config = ts.readConfigFile(join(REPO, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    rootDir: undefined,
    outDir: undefined,
    declaration: false,
    baseUrl: REPO,
    paths: { cdk8s: ['node_modules/cdk8s'], constructs: ['node_modules/constructs'] },
    typeRoots: [join(REPO, 'node_modules', '@types')],
  };
  const program = ts.createProgram(files, options);
  // Only the generated modules are judged: the library's own sources are checked by the build.
  return files.flatMap((file) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const { line } = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: -1 };
      return `${file}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

/** Evaluates a generated module (through jest's require, so it shares this test's cdk8s and src). */
function load(c: Case): { [name: string]: (chart: Chart) => void } {
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const js = ts.transpileModule(c.code!, { compilerOptions }).outputText.replace(/require\("cdk8s"\)/g, `require(${JSON.stringify(require.resolve('cdk8s'))})`);
  const file = join(dir, `${c.name}.js`);
  writeFileSync(file, js);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}

/** Runs every function of the module into one app and synthesizes each chart. */
function synthesize(c: Case, strict = true): Json[] {
  const module = load(c);
  const app = Testing.app();
  IstioMesh.configure(app, { rootNamespace: c.rootNamespace ?? 'istio-system', quiet: true });
  for (const [name, add] of Object.entries(module)) {
    if (typeof add === 'function') add(new Chart(app, name));
  }
  // chart.toJson() validates too: without `strict`, render each object on its own (inputs the engine rejects).
  return app.charts.flatMap((chart) => (strict ? Testing.synth(chart) : chart.node.findAll().filter(ApiObject.isApiObject).map((o) => o.toJson())));
}

const keyOf = (m: Json) => `${m.kind} ${m.metadata?.namespace}/${m.metadata?.name}`;

/** What must come back: apiVersion, kind, name, namespace, labels, annotations and spec. */
function projection(m: Json): Json {
  const { name, namespace, labels, annotations } = m.metadata ?? {};
  return JSON.parse(JSON.stringify({ apiVersion: m.apiVersion, kind: m.kind, metadata: { name, namespace, labels, annotations }, spec: m.spec }));
}

function expectRoundTrip(input: Json[], output: Json[]): void {
  const wanted = input.filter((m) => m.kind === 'Sidecar' || m.kind === 'ServiceEntry');
  const byKey = new Map(output.map((m) => [keyOf(m), m]));
  expect(output).toHaveLength(wanted.length);
  for (const m of wanted) {
    expect(byKey.has(keyOf(m))).toBe(true);
    expect(projection(byKey.get(keyOf(m))!)).toEqual(projection(m));
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdk8s-istio-sidecar-convert-'));
  for (const c of Object.values(CASES)) {
    c.code = SidecarConversion.toTypeScript(c.manifests, { rootNamespace: c.rootNamespace, importFrom: SRC });
    c.file = join(dir, `${c.name}.ts`);
    writeFileSync(c.file, c.code);
  }
  // A broken module in the same program shows that the check sees errors at all.
  writeFileSync(join(dir, 'broken.ts'), 'import { Chart } from \'cdk8s\';\nexport const n: number = \'one\';\n');
  diagnostics = typeCheck([...Object.values(CASES).map((c) => c.file!), join(dir, 'broken.ts')]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('the generated modules', () => {
  test('compile under the project\'s strict compiler options (so they import only what they use)', () => {
    const broken = join(dir, 'broken.ts');
    expect(diagnostics.filter((d) => !d.startsWith(broken))).toEqual([]);
    expect(diagnostics.filter((d) => d.startsWith(broken)).map((d) => d.slice(broken.length))).toEqual([
      ':1: \'Chart\' is declared but its value is never read.',
      ':2: Type \'string\' is not assignable to type \'number\'.',
    ]);
  });

  test.each(Object.keys(CASES))('%s: formatted as a person would write it', (name) => {
    const code = CASES[name].code!;
    const lines = code.split('\n');
    expect(lines.filter((l) => l.length > 150)).toEqual([]);
    expect(lines.filter((l) => /^( {2})*\t/.test(l) || /^ (?: {2})*\S/.test(l))).toEqual([]);
    expect(code).not.toMatch(/[ \t]+\n/);
    expect(code.endsWith('}\n')).toBe(true);
    expect(code).toContain('if (require.main === module) {');
    // Multi-line literals end their last item with a comma.
    expect(lines.filter((l, i) => /^\s*[}\]]/.test(lines[i + 1] ?? '') && /[^,{[(]$/.test(l) && !/^\s*\/\//.test(l) && !/^\s*(export function|if )/.test(l)
      && !/[;{]$/.test(l))).toEqual([]);
  });
});

describe('the seed document', () => {
  test('each object becomes its pattern, with value objects', () => {
    const code = CASES.seed.code!;
    for (const construct of ['MeshDefaultSidecar', 'NamespaceDefaultSidecar', 'WorkloadSidecar', 'NoIptablesSidecar', 'PartialIptablesSidecar', 'ServiceEntry']) {
      expect(code).toContain(`new ${construct}(chart, `);
    }
    expect(code).toContain('IstioMesh.configure(app, { rootNamespace: \'istio-config\' });');
    expect(code).toContain('EgressHost.namespace(\'prod-us1\').allHosts()');
    expect(code).toContain('SidecarPort.http(9080, \'somename\')');
    expect(code).toContain('Endpoint.unix(\'/var/run/someuds.sock\')');
    expect(code).toContain('Bind.ip(\'172.16.1.32\')');
    expect(code).toContain('export function addProdUs1(chart: Chart): void {');
    expect(code).not.toContain('ApiObject');
  });

  test('round-trips: synthesizing the code gives back every object', () => {
    expectRoundTrip(CASES.seed.manifests, synthesize(CASES.seed));
  });
});

describe('the generated app', () => {
  test('runs with ts-node and writes one chart per namespace into CDK8S_OUTDIR, giving back every object', () => {
    const outdir = join(dir, 'seed-out');
    const result = spawnSync(process.execPath, [
      require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', join(REPO, 'tsconfig.json'),
      '-O', JSON.stringify({ module: 'commonjs', moduleResolution: 'node' }), CASES.seed.file!,
    ], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CDK8S_OUTDIR: outdir, NODE_PATH: join(REPO, 'node_modules') } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = readdirSync(outdir).sort();
    expect(files).toEqual(['istio-config.k8s.yaml', 'ns1.k8s.yaml', 'prod-us1.k8s.yaml']);
    expectRoundTrip(CASES.seed.manifests, files.flatMap((f) => loadAll(readFileSync(join(outdir, f), 'utf8')) as Json[]));
  }, 120_000);
});

describe('examples/mesh', () => {
  test('round-trips every Sidecar and ServiceEntry', () => {
    expect(CASES.mesh.code).not.toContain('ApiObject');
    expectRoundTrip(CASES.mesh.manifests, synthesize(CASES.mesh));
  });
});

describe('hand-written Sidecars', () => {
  let output: Map<string, Json>;
  beforeAll(() => {
    output = new Map(synthesize(CASES.table, false).map((m) => [keyOf(m), m]));
  });

  test.each(TABLE.map((t) => [t.title, t] as const))('%s', (_title, t) => {
    const { name } = t.manifest.metadata;
    const statement = new RegExp(`new (\\w+)\\(chart, '${name}'`).exec(CASES.table.code!);
    expect(statement?.[1]).toBe(t.construct);
    expect(projection(output.get(keyOf(t.manifest))!)).toEqual(projection(t.manifest));
  });

  test('every object, and nothing else, comes back', () => {
    expectRoundTrip(CASES.table.manifests, [...output.values()]);
  });

  test('the suppress annotation is written as a RuleSuppressions.add call', () => {
    expect(CASES.table.code).toContain(
      'RuleSuppressions.add(legacySidecar, \'S-NAME-DEFAULT\', \'legacy name kept until the namespace migrates\');',
    );
  });

  test('a fallback says why, and a finding is a comment at its field', () => {
    const code = CASES.table.code!;
    expect(code).toContain('// A raw ApiObject, not a Sidecar: the typed model cannot express spec.egress[0].frobnicate');
    expect(code).toMatch(/hosts: \[\n\s+\/\/ error S-HOST-FORMAT: egress host "reviews.shop.svc.cluster.local" is invalid/);
    expect(code).toContain('connectTimeout: \'1m\'');
  });

  test('durations and enums are typed values', () => {
    const code = CASES.table.code!;
    for (const text of ['Duration.seconds(5)', 'Duration.hours(2)', 'Duration.millis(1500)', 'Duration.millis(250)', 'H2UpgradePolicy.UPGRADE',
      'SidecarTlsMode.MUTUAL', 'TlsProtocolVersion.TLSV1_3', 'CaptureMode.NONE', 'EgressHost.exclude(EgressHost.namespace(\'shop\').host(',
      'EgressHost.none()', 'EgressHost.all()', 'SidecarPort.unixSocket(SidecarProtocol.HTTP, \'uds\')', 'SidecarPort.sniffed(9000, \'sniffed\')',
      'Bind.unix(\'/var/run/egress.sock\')', 'Endpoint.loopbackIpv6(8083)', 'OutboundTrafficPolicy.allowAny({', 'ServiceEntryResolution.STATIC']) {
      expect(code).toContain(text);
    }
  });
});

describe('random valid Sidecars (the reliability suite\'s generators)', () => {
  test('25 of them round-trip', () => {
    expect(CASES.random.manifests).toHaveLength(25);
    expectRoundTrip(CASES.random.manifests, synthesize(CASES.random, false));
  });
});

describe('odd inputs', () => {
  test('each is converted, and all but the duplicate come back as they were', () => {
    const output = synthesize(CASES.hostile, false);
    const inputs = CASES.hostile.manifests.flatMap((m) => (m.kind === 'List' ? m.items : [m]));
    expect(output).toHaveLength(inputs.length);
    const byKey = new Map(output.map((m) => [keyOf(m), m]));
    for (const m of inputs.filter((i) => i.metadata.namespace !== 'dup')) expect(projection(byKey.get(keyOf(m))!)).toEqual(projection(m));
    expect(CASES.hostile.code).toContain('addUnnamespaced(new Chart(app, \'no-namespace\'));');
    expect(CASES.hostile.code).toContain('// Left out metadata the API server sets: uid, resourceVersion, creationTimestamp, generation.');
  });
});

describe('the API', () => {
  test('imports from cdk8s-istio-sidecar by default; a bad root namespace throws', () => {
    expect(SidecarConversion.toTypeScript(SEED_DOCUMENTS.slice(1, 2))).toContain('} from \'cdk8s-istio-sidecar\';');
    expect(() => SidecarConversion.toTypeScript([], { rootNamespace: 'Not A Namespace' })).toThrow(/rootNamespace/);
  });

  test('other kinds are left out; an empty input gives an app without functions', () => {
    const code = SidecarConversion.toTypeScript([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }]);
    expect(code).toContain('from no Sidecar or ServiceEntry (none found)');
    expect(code).not.toContain('export function');
  });
});
