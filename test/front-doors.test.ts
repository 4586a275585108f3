// One engine, three front doors: the same manifests give the same findings through the cdk8s
// app validation, the lint CLI (built bin) and the cdk8s-cli plugin.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import { parseAllDocuments, stringify } from 'yaml';
import { IstioMesh, OutboundTrafficPolicyMode, RegistryCompleteness, RuleSuppressions, SidecarValidationPlugin } from '../src';
import { builtBin } from './setup/built-package';

const MANIFESTS = [
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'shop' }, spec: { egress: [{ hosts: ['./*', 'cart.shop.svc.cluster.local'] }] } },
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'legacy', namespace: 'shop' }, spec: { egress: [{ hosts: ['istio-system/*'] }] } },
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: 'ratings', namespace: 'shop' },
    spec: {
      workloadSelector: { labels: { app: 'ratings' } },
      ingress: [{ port: { number: 9080, protocol: 'HTTP' }, defaultEndpoint: 'localhost:8080' }, { port: { number: 9080, protocol: 'HTTP' } }],
      outboundTrafficPolicy: {},
    },
  },
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'istio-system' }, spec: { workloadSelector: { labels: { app: 'x' } }, egress: [{ hosts: ['./*'] }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ratings', namespace: 'shop', labels: { app: 'ratings' } }, spec: { containers: [{ name: 'app', image: 'ratings' }] } },
  // Conflicts across objects: each Sidecar of a pair its own finding, a potential overlap once, a duplicate once (and no conflict).
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'ratings-tier', namespace: 'shop' }, spec: { workloadSelector: { labels: { tier: 'backend' } }, egress: [{ hosts: ['./*'] }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ratings-backend', namespace: 'shop', labels: { app: 'ratings', tier: 'backend' } }, spec: { containers: [{ name: 'app', image: 'ratings' }] } },
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'reviews', namespace: 'shop' }, spec: { workloadSelector: { labels: { team: 'red' } }, egress: [{ hosts: ['./*'] }] } },
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'cart' }, spec: { egress: [{ hosts: ['./*'] }] } },
  { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'cart' }, spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] } },
];

type Comparable = {
  ruleId: string; severity: string; resource: { kind: string; namespace?: string | null; name: string }; path: string; message: string;
};
// Where an object came from is each door's own (a construct path, a file): messages that name
// objects by it (two of one name) are compared with it masked.
const masked = (message: string) => message.replace(/\(at [^)]*\)/g, '(at <where>)');
const normalize = (findings: Comparable[]) =>
  findings.map((f) => `${f.ruleId} ${f.severity} ${f.resource.kind} ${f.resource.namespace ?? '-'}/${f.resource.name} ${f.path}: ${masked(f.message)}`).sort();

describe('the three front doors agree', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'front-doors-'));
    file = join(dir, 'manifests.yaml');
    writeFileSync(file, MANIFESTS.map((m) => stringify(m)).join('---\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function viaApp(registry?: RegistryCompleteness, manifests: readonly object[] = MANIFESTS): string[] {
    const app = Testing.app();
    if (registry) IstioMesh.configure(app, { registry });
    const chart = new Chart(app, 'all');
    manifests.forEach((m, i) => new ApiObject(chart, `object-${i}`, m as never));
    return normalize(IstioMesh.of(app).findings().filter((f) => f.suppressedReason === undefined));
  }

  function viaCli(registry?: RegistryCompleteness, path = file): string[] {
    const bin = builtBin();
    const result = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', ...(registry ? ['--registry', registry] : []), path], { encoding: 'utf8' });
    return normalize(JSON.parse(result.stdout).findings);
  }

  async function viaPlugin(registry?: RegistryCompleteness, path = file): Promise<string[]> {
    type Violation = { ruleName: string; recommendation: string; violatingResources: Array<{ resourceName: string; locations: string[] }> };
    const violations: Violation[] = [];
    const parsed = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS());
    await new SidecarValidationPlugin(registry ? { registry } : {}).validate({
      manifests: [path],
      parseManifest: () => parsed,
      report: { addViolation: (v: Violation) => violations.push(v), submit: () => undefined },
    });
    // The plugin's violations carry the name, not the kind and namespace: compare what they carry.
    return violations.map((v) => {
      const [, ruleId, severity] = /^(\S+) \((\w+)\)$/.exec(v.ruleName)!;
      const r = v.violatingResources[0];
      // A location is the field path and, where the manifest can be read, its line and column.
      const field = r.locations[0].replace(/ \(line \d+, column \d+\)$/, '');
      return `${ruleId} ${severity} ${r.resourceName} ${field === '.' ? '' : field}: ${masked(v.recommendation)}`;
    }).sort();
  }

  test('the app validation and the CLI report the same findings, and there are some of each kind', () => {
    const app = viaApp();
    expect(app.length).toBeGreaterThan(4);
    expect(app.some((line) => line.startsWith('S-'))).toBe(true);
    expect(app.some((line) => line.startsWith('X-'))).toBe(true);
    // Both Sidecars of each conflict, each potential overlap once, the duplicate once.
    const count = (id: string) => app.filter((line) => line.startsWith(`${id} `)).length;
    expect(['X-NS-MULTIPLE-SELECTORLESS', 'X-WORKLOAD-MULTIPLE-SELECTORS', 'X-SELECTOR-POTENTIAL-OVERLAP', 'X-DUPLICATE-OBJECT'].map(count)).toEqual([2, 2, 2, 1]);
    expect(viaCli()).toEqual(app);
  });

  test('the plugin reports the same findings', async () => {
    const expected = viaApp().map((line) => line.replace(/^(\S+ \S+) \S+ \S+\/(\S+)/, '$1 $2')).sort();
    expect(await viaPlugin()).toEqual(expected);
  });

  test('registry complete over an input without Services or workloads: the three agree, and they judge hosts and selectors', async () => {
    const sidecarsOnly = [
      ...MANIFESTS.filter((m) => m.kind === 'Sidecar'),
      { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'web' }, spec: { egress: [{ hosts: ['./*', 'shop/cart.shop.svc.cluster.local'] }] } },
    ];
    const path = join(dir, 'sidecars-only.yaml');
    writeFileSync(path, sidecarsOnly.map((m) => stringify(m)).join('---\n'));
    const app = viaApp(RegistryCompleteness.COMPLETE, sidecarsOnly);
    const partial = viaApp(undefined, sidecarsOnly);
    expect(app.filter((line) => !partial.includes(line)).map((line) => line.split(' ')[0]).sort()).toEqual(['X-EGRESS-HOST-NOT-FOUND', ...Array(4).fill('X-SELECTOR-NO-MATCH')]);
    expect(viaCli(RegistryCompleteness.COMPLETE, path)).toEqual(app);
    expect(await viaPlugin(RegistryCompleteness.COMPLETE, path)).toEqual(app.map((line) => line.replace(/^(\S+ \S+) \S+ \S+\/(\S+)/, '$1 $2')).sort());
  });

  test('suppressions added in the app on raw ApiObjects travel into the YAML: the plugin over the synthesized output agrees with synth', async () => {
    const app = Testing.app();
    IstioMesh.configure(app, { quiet: true });
    const chart = new Chart(app, 'all', { namespace: 'shop' });
    const sidecar = (name: string, spec: object) => new ApiObject(chart, name, { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name }, spec });
    sidecar('legacy', { egress: [{ hosts: ['./*', 'istio-system/*'] }] });
    const ratings = sidecar('ratings', { workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*'] }] });
    sidecar('reviews', { workloadSelector: { labels: { app: 'reviews' } }, egress: [{ hosts: ['shop/*', 'shop/a.example.com'] }] });
    new ApiObject(chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'reviews', labels: { app: 'reviews' } }, spec: { containers: [{ name: 'app', image: 'reviews' }] } });
    new ApiObject(chart, 'service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews' }, spec: { ports: [{ port: 80 }] } });
    RuleSuppressions.add(chart, 'S-NAME-DEFAULT', 'legacy names kept until the teams migrate');
    RuleSuppressions.add(ratings, 'X-SELECTOR-NO-MATCH', 'the ratings Deployment lives in another repository');
    const synthesized = Testing.synth(chart);
    const inApp = IstioMesh.of(app).findings();
    expect(inApp.filter((f) => f.suppressedReason !== undefined).map((f) => f.ruleId).sort()).toEqual(['S-NAME-DEFAULT', 'X-SELECTOR-NO-MATCH']);
    const suppressedByPlugin: string[] = [];
    const reported: string[] = [];
    await new SidecarValidationPlugin({ failOn: 'warning' }).validate({
      manifests: ['all.k8s.yaml'],
      parseManifest: () => synthesized,
      report: {
        addViolation: (v: { ruleName: string }) => reported.push(v.ruleName),
        submit: (_status: string, metadata: { suppressed: string }) => suppressedByPlugin.push(metadata.suppressed),
      },
    });
    const expected = inApp.filter((f) => f.suppressedReason === undefined).map((f) => `${f.ruleId} (${f.severity})`);
    expect(expected.length).toBeGreaterThan(0);
    expect(reported.sort()).toEqual(expected.sort());
    expect(suppressedByPlugin).toEqual(['2']);
    // Written only where a suppressed rule can report: Sidecars, not the Service or the Pod.
    const annotated = synthesized.filter((m) => m.metadata.annotations?.['cdk8s-istio-sidecar.io/suppress']).map((m) => m.kind);
    expect(annotated).toEqual(['Sidecar', 'Sidecar', 'Sidecar']);
  });
});

describe('declared calls: the three front doors agree', () => {
  const CALLS = 'cdk8s-istio-sidecar.io/calls';
  const deployment = (namespace: string, name: string, calls: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name }, annotations: { [CALLS]: calls } }, spec: { containers: [{ name: 'app', image: name }] } } },
  });
  const sidecar = (namespace: string, hosts: string[], mode?: string) => ({
    apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace }, spec: { egress: [{ hosts }], ...(mode ? { outboundTrafficPolicy: { mode } } : {}) },
  });
  const CALL_MANIFESTS = [
    sidecar('shop', ['./*'], 'REGISTRY_ONLY'),
    sidecar('web', ['./*'], 'ALLOW_ANY'),
    sidecar('jobs', ['./*']),
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews', namespace: 'bookinfo' }, spec: { ports: [{ port: 9080 }] } },
    deployment('shop', 'checkout', 'cart:80, reviews.bookinfo:9080, pay.example.com:443, bad:0'),
    deployment('web', 'frontend', 'reviews.bookinfo:9080'),
    deployment('jobs', 'nightly', 'reviews.bookinfo:9080'),
  ];
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'front-doors-calls-'));
    file = join(dir, 'calls.yaml');
    writeFileSync(file, CALL_MANIFESTS.map((m) => stringify(m)).join('---\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function appLines(outboundTrafficPolicy?: OutboundTrafficPolicyMode): string[] {
    const app = Testing.app();
    if (outboundTrafficPolicy) IstioMesh.configure(app, { outboundTrafficPolicy });
    const chart = new Chart(app, 'all');
    CALL_MANIFESTS.forEach((m, i) => new ApiObject(chart, `object-${i}`, m as never));
    return normalize(IstioMesh.of(app).findings().filter((f) => f.ruleId.startsWith('X-CALL-')));
  }

  function cliLines(args: string[]): string[] {
    const result = spawnSync(process.execPath, [builtBin(), 'lint', '--format', 'json', ...args, file], { encoding: 'utf8' });
    return normalize(JSON.parse(result.stdout).findings.filter((f: Comparable) => f.ruleId.startsWith('X-CALL-')));
  }

  async function pluginLines(properties: object): Promise<string[]> {
    const lines: string[] = [];
    const parsed = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
    await new SidecarValidationPlugin(properties).validate({
      manifests: [file],
      parseManifest: () => parsed,
      report: {
        addViolation: (v: { ruleName: string; recommendation: string; violatingResources: Array<{ resourceName: string }> }) => {
          if (v.ruleName.startsWith('X-CALL-')) lines.push(`${v.ruleName} ${v.violatingResources[0].resourceName}: ${masked(v.recommendation)}`);
        },
        submit: () => undefined,
      },
    });
    return lines.sort();
  }

  const asPlugin = (lines: string[]) => lines.map((line) => {
    const [, ruleId, severity, name, message] = /^(\S+) (\S+) \S+ \S+\/(\S+) \S+: (.*)$/.exec(line)!;
    return `${ruleId} (${severity}) ${name}: ${message}`;
  }).sort();

  test('every call rule reports, and the app, the CLI and the plugin give the same findings', async () => {
    const app = appLines();
    expect(app.map((line) => line.split(' ').slice(0, 4).join(' '))).toEqual([
      'X-CALL-HOST-UNDEFINED warning Deployment shop/checkout',
      'X-CALL-NOT-REACHABLE error Deployment jobs/nightly',
      'X-CALL-NOT-REACHABLE error Deployment shop/checkout',
      'X-CALL-PASSTHROUGH warning Deployment web/frontend',
      'X-CALL-SYNTAX error Deployment shop/checkout',
    ]);
    expect(cliLines([])).toEqual(app);
    expect(await pluginLines({})).toEqual(asPlugin(app));
  });

  test('the mesh\'s outbound policy, set in each door, turns the unknown into a passthrough', async () => {
    const app = appLines(OutboundTrafficPolicyMode.ALLOW_ANY);
    expect(app.filter((line) => line.includes('jobs/nightly')).map((line) => line.split(' ')[0])).toEqual(['X-CALL-PASSTHROUGH']);
    expect(cliLines(['--outbound-policy', 'ALLOW_ANY'])).toEqual(app.map((line) => line.replace(/the IstioMesh outboundTrafficPolicy setting/g, '--outbound-policy')));
    expect(await pluginLines({ outboundTrafficPolicy: 'ALLOW_ANY' })).toEqual(asPlugin(app.map((line) => line.replace(/the IstioMesh outboundTrafficPolicy setting/g, 'the outboundTrafficPolicy setting'))));
  });
});
