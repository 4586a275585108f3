import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, Include, Testing } from 'cdk8s';
import { EgressHost, IstioMesh, Sidecar, WorkloadSelector } from '../../src';
import * as engine from '../../src/analysis/engine';
import { RuleSuppressions } from '../../src/validation/rule-suppressions';
import { thrownMessage } from '../setup/thrown-message';

function rawSidecar(scope: Chart, id: string, spec: unknown, name = id): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name }, spec });
}

// Synth prints its warnings for people; these tests judge what synth returns and writes.
beforeEach(() => jest.spyOn(process.stderr, 'write').mockImplementation(() => true));
afterEach(() => jest.restoreAllMocks());

describe('app-wide validation at synth', () => {

  test('a library Sidecar that Istio would reject fails synth, naming its construct path, rule and fix', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }) });
    const message = thrownMessage(() => app.synthYaml());
    expect(message).toContain(
      '[shop/ratings] S-EMPTY-CONFIG: the Sidecar configures nothing: set at least one of egress, ingress, outboundTrafficPolicy or inboundConnectionPool (at spec)',
    );
  });

  test('a raw ApiObject Sidecar is judged like the library\'s own', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    IstioMesh.of(app);
    rawSidecar(chart, 'raw', { egress: [{ hosts: ['reviews.shop.svc.cluster.local'] }] });
    expect(thrownMessage(() => app.synthYaml())).toMatch(/\[shop\/raw\] S-HOST-FORMAT: egress host "reviews.shop.svc.cluster.local" is invalid: .* \(at spec\.egress\[0\]\.hosts\[0\]\)/);
  });

  test('an Included Sidecar is judged like the library\'s own', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'imported');
    IstioMesh.of(app);
    new Include(chart, 'manifests', { url: join(__dirname, 'fixtures', 'included-sidecar.yaml') });
    expect(thrownMessage(() => app.synthYaml())).toMatch(/\[imported\/manifests\/included-sidecar-shop\] S-HOST-FORMAT: /);
  });

  test('every problem of the app is listed at once, across charts', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a', { namespace: 'a' });
    const b = new Chart(app, 'b', { namespace: 'b' });
    rawSidecar(a, 'one', { egress: [{ hosts: ['x.com', 'y.com'] }] });
    new Sidecar(b, 'two', { workloadSelector: WorkloadSelector.of({ app: 'two' }) });
    const lines = thrownMessage(() => app.synthYaml()).split('\n').filter((l) => /S-[A-Z-]+:/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('[a/one] S-HOST-FORMAT');
    expect(lines[1]).toContain('[a/one] S-HOST-FORMAT');
    expect(lines[2]).toContain('[b/two] S-EMPTY-CONFIG');
  });

  test('a valid app synthesizes, and the mesh reports no finding', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new Sidecar(chart, 'default', { metadata: { name: 'default' }, egress: [{ hosts: [EgressHost.sameNamespace(), EgressHost.namespace('istio-system').allHosts()] }] });
    expect(() => app.synthYaml()).not.toThrow();
    expect(IstioMesh.of(app).findings()).toEqual([]);
  });

  test('app.synth() runs the engine once, although cdk8s validates once per chart plus once', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'istio-sidecar-'));
    try {
      const app = new App({ outdir });
      for (const ns of ['a', 'b', 'c']) {
        new Sidecar(new Chart(app, ns, { namespace: ns }), 'default', { metadata: { name: 'default' }, egress: [{ hosts: [EgressHost.sameNamespace()] }] });
      }
      const analyze = jest.spyOn(engine, 'analyze');
      app.synth();
      expect(analyze).toHaveBeenCalledTimes(1);
      app.synth();
      expect(analyze).toHaveBeenCalledTimes(2);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('outside app.synth() every validation computes afresh, so later changes are seen', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const sidecar = new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }) });
    expect(() => Testing.synth(chart)).toThrow(/S-EMPTY-CONFIG/);
    sidecar.addEgress({ hosts: [EgressHost.sameNamespace()] });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('app.synth() writes a JSON report where reportFile says, with every finding, suppressed ones with their reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'istio-sidecar-'));
    try {
      const app = new App({ outdir: join(dir, 'dist') });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }) });
      RuleSuppressions.add(chart, 'S-EMPTY-CONFIG', 'placeholder until the ratings team picks its ports');
      IstioMesh.configure(app, { reportFile: join(dir, 'reports', 'sidecars.json') });
      app.synth();
      const report = JSON.parse(readFileSync(join(dir, 'reports', 'sidecars.json'), 'utf8'));
      expect(report).toMatchObject({ rootNamespace: 'istio-system', clusterDomain: 'cluster.local', failOn: 'error', registry: 'partial' });
      expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, suppressed: 1 });
      expect(report.findings[0]).toMatchObject({
        ruleId: 'S-EMPTY-CONFIG',
        location: 'shop/ratings',
        resource: { kind: 'Sidecar', namespace: 'shop' },
        suppressedReason: 'placeholder until the ratings team picks its ports',
      });
      expect(readdirSync(join(dir, 'dist'))).toEqual(['shop.k8s.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('CDK8S_ISTIO_SIDECAR_REPORT asks for the report when reportFile is not set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'istio-sidecar-'));
    const previous = process.env.CDK8S_ISTIO_SIDECAR_REPORT;
    process.env.CDK8S_ISTIO_SIDECAR_REPORT = join(dir, 'report.json');
    try {
      const app = new App({ outdir: join(dir, 'dist') });
      new Sidecar(new Chart(app, 'shop', { namespace: 'shop' }), 'default', { metadata: { name: 'default' }, egress: [{ hosts: [EgressHost.sameNamespace()] }] });
      app.synth();
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).summary).toEqual({ errors: 0, warnings: 0, infos: 0, suppressed: 0 });
    } finally {
      if (previous === undefined) delete process.env.CDK8S_ISTIO_SIDECAR_REPORT;
      else process.env.CDK8S_ISTIO_SIDECAR_REPORT = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('by default nothing but manifests lands in the output folder', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'istio-sidecar-'));
    try {
      const app = new App({ outdir });
      new Sidecar(new Chart(app, 'shop', { namespace: 'shop' }), 'default', { metadata: { name: 'default' }, egress: [{ hosts: [EgressHost.sameNamespace()] }] });
      app.synth();
      expect(readdirSync(outdir)).toEqual(['shop.k8s.yaml']);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a reportFile that is not a path is refused at configure', () => {
    expect(() => IstioMesh.configure(Testing.app(), { reportFile: ' ' })).toThrow(
      'IstioMesh.configure(): reportFile " " is invalid: give the path of a JSON file, e.g. "cdk8s-istio-sidecar.report.json"',
    );
  });
});

describe('RuleSuppressions', () => {
  test('a suppression applies to the construct subtree only', () => {
    const app = Testing.app();
    const quiet = new Chart(app, 'quiet', { namespace: 'quiet' });
    const loud = new Chart(app, 'loud', { namespace: 'loud' });
    new Sidecar(quiet, 'a', { workloadSelector: WorkloadSelector.of({ app: 'a' }) });
    new Sidecar(loud, 'b', { workloadSelector: WorkloadSelector.of({ app: 'b' }) });
    RuleSuppressions.add(quiet, 'S-EMPTY-CONFIG', 'the quiet team fills these in later');
    const message = thrownMessage(() => app.synthYaml());
    expect(message).toContain('[loud/b] S-EMPTY-CONFIG');
    expect(message).not.toContain('[quiet/a]');
  });

  test('an unknown rule id is refused', () => {
    const chart = Testing.chart();
    expect(() => RuleSuppressions.add(chart, 'S-NO-SUCH-RULE', 'a long enough reason')).toThrow(
      `Cannot suppress unknown rule "S-NO-SUCH-RULE" at "${chart.node.path}": use a rule id from docs/RULES.md, e.g. "S-NAME-DEFAULT"`,
    );
  });

  test('a reason shorter than 10 characters is refused', () => {
    const chart = Testing.chart();
    expect(() => RuleSuppressions.add(chart, 'S-EMPTY-CONFIG', 'because')).toThrow(
      `Cannot suppress rule "S-EMPTY-CONFIG" at "${chart.node.path}" with reason "because": give a reason of at least 10 characters saying why the rule does not apply`,
    );
  });
});

describe('suppressions travel with the YAML', () => {
  test('a library Sidecar renders its suppressions into the annotation, which the lint engine honours', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new Sidecar(chart, 'legacy', { metadata: { name: 'legacy', annotations: { team: 'shop' } }, egress: [{ hosts: [EgressHost.sameNamespace()] }] });
    RuleSuppressions.add(chart, 'S-NAME-DEFAULT', 'legacy name kept until the namespace migrates');
    const [rendered] = Testing.synth(chart);
    expect(rendered.metadata.annotations).toEqual({
      'cdk8s-istio-sidecar.io/suppress': '{"S-NAME-DEFAULT":"legacy name kept until the namespace migrates"}',
      'team': 'shop',
    });
    const fromYaml = engine.analyze([{ manifest: rendered }]).filter((f) => f.ruleId === 'S-NAME-DEFAULT');
    expect(fromYaml.map((f) => f.suppressedReason)).toEqual(['legacy name kept until the namespace migrates']);
  });

  test('an Included Sidecar carries the suppression into its YAML, written once however often synth runs', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'imported');
    IstioMesh.of(app);
    new Include(chart, 'manifests', { url: join(__dirname, 'fixtures', 'included-sidecar.yaml') });
    RuleSuppressions.add(chart, 'S-HOST-FORMAT', 'the Helm chart is fixed upstream next release');
    RuleSuppressions.add(chart, 'S-NAME-DEFAULT', 'legacy name kept until the namespace migrates');
    Testing.synth(chart);
    app.synthYaml();
    const [rendered] = Testing.synth(chart);
    expect(rendered.metadata.annotations).toEqual({
      'cdk8s-istio-sidecar.io/suppress': JSON.stringify({
        'S-HOST-FORMAT': 'the Helm chart is fixed upstream next release',
        'S-NAME-DEFAULT': 'legacy name kept until the namespace migrates',
      }),
    });
    const fromYaml = engine.analyze([{ manifest: rendered }]);
    expect(fromYaml.filter((f) => f.suppressedReason === undefined)).toEqual([]);
    expect(fromYaml.map((f) => f.ruleId).sort()).toEqual(['S-HOST-FORMAT', 'S-NAME-DEFAULT']);
  });

  test('the annotation merges with one written by hand, and is written only on kinds the rule can report on', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    IstioMesh.of(app);
    const sidecar = new ApiObject(chart, 'legacy', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'legacy', annotations: { 'cdk8s-istio-sidecar.io/suppress': '{"S-HOST-DUPLICATE":"both hosts are wanted here"}' } },
      spec: { egress: [{ hosts: ['./*'] }] },
    });
    const deployment = new ApiObject(chart, 'ratings', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ratings' }, spec: { template: { metadata: { labels: { app: 'ratings' } } } },
    });
    RuleSuppressions.add(chart, 'S-NAME-DEFAULT', 'legacy name kept until the namespace migrates');
    RuleSuppressions.add(chart, 'X-NOT-FOR-GATEWAYS', 'the ratings pods run no gateway in this chart');
    Testing.synth(chart);
    expect(sidecar.toJson().metadata.annotations['cdk8s-istio-sidecar.io/suppress']).toBe(JSON.stringify({
      'S-HOST-DUPLICATE': 'both hosts are wanted here',
      'S-NAME-DEFAULT': 'legacy name kept until the namespace migrates',
      'X-NOT-FOR-GATEWAYS': 'the ratings pods run no gateway in this chart',
    }));
    // X-NOT-FOR-GATEWAYS names the workloads it is about; S-NAME-DEFAULT never does.
    expect(deployment.toJson().metadata.annotations['cdk8s-istio-sidecar.io/suppress']).toBe(JSON.stringify({
      'X-NOT-FOR-GATEWAYS': 'the ratings pods run no gateway in this chart',
    }));
  });

  test('reading findings writes no annotation', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const raw = new ApiObject(chart, 'legacy', { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'legacy' }, spec: { egress: [{ hosts: ['./*'] }] } });
    RuleSuppressions.add(chart, 'S-NAME-DEFAULT', 'legacy name kept until the namespace migrates');
    expect(IstioMesh.of(app).findings().map((f) => f.suppressedReason)).toEqual(['legacy name kept until the namespace migrates']);
    expect(raw.toJson().metadata.annotations).toBeUndefined();
  });

  test('without suppressions nothing is added', () => {
    const chart = Testing.chart();
    new Sidecar(chart, 'plain', { metadata: { name: 'default' }, egress: [{ hosts: [EgressHost.sameNamespace()] }] });
    expect(Testing.synth(chart)[0].metadata.annotations).toBeUndefined();
  });
});

describe('rendering during app.synth()', () => {
  test('a workload Sidecar\'s Deployment renders once for validation, not once per lookup or per chart', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'istio-sidecar-'));
    try {
      const app = new App({ outdir });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const deployment = new ApiObject(chart, 'ratings-deployment', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'ratings' },
        spec: { selector: { matchLabels: { app: 'ratings' } }, template: { metadata: { labels: { app: 'ratings' } } } },
      });
      new Sidecar(chart, 'ratings', {
        workloadSelector: WorkloadSelector.fromWorkload(deployment),
        egress: [{ hosts: [EgressHost.sameNamespace()] }],
      });
      new Chart(app, 'other');
      const renders = jest.spyOn(deployment, 'toJson');
      app.synth();
      // Once by the validation (which the Sidecar's selector reuses there), and for the output
      // once by cdk8s and once by the Sidecar's selector: the memo never outlives a validation
      // pass, as user code may change the app right after it.
      expect(renders).toHaveBeenCalledTimes(3);
      // Outside a synth every render is fresh: a later change is seen.
      Testing.synth(chart);
      expect(renders.mock.calls.length).toBeGreaterThan(2);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('the suppress annotation written by hand', () => {
  test('an unreadable annotation is left as it is (for S-SUPPRESS-ANNOTATION), never merged into', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const sidecar = new Sidecar(chart, 'legacy', {
      metadata: { name: 'legacy', annotations: { 'cdk8s-istio-sidecar.io/suppress': '"legacy"' } },
      egress: [{ hosts: [EgressHost.sameNamespace()] }],
    });
    RuleSuppressions.add(chart, 'S-NAME-DEFAULT', 'legacy name kept until the namespace migrates');
    expect(sidecar.toJson().metadata.annotations['cdk8s-istio-sidecar.io/suppress']).toBe('"legacy"');
    expect(IstioMesh.of(app).findings().map((f) => f.ruleId)).toContain('S-SUPPRESS-ANNOTATION');
  });

  test('IstioMesh.configure checks the root namespace and the cluster domain', () => {
    const app = Testing.app();
    expect(() => IstioMesh.configure(app, { rootNamespace: 'Istio_System' })).toThrow(
      'IstioMesh.configure(): rootNamespace "Istio_System" is invalid: expected a namespace name: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit, e.g. "istio-system"',
    );
    expect(() => IstioMesh.configure(app, { clusterDomain: 'cluster..local' })).toThrow(/^IstioMesh.configure\(\): clusterDomain "cluster..local" is invalid: .*, e.g. "cluster.local"$/);
    expect(IstioMesh.configure(app, { clusterDomain: 'corp.internal' }).clusterDomain).toBe('corp.internal');
  });
});
