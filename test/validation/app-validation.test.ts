import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, Include, Lazy, Testing, YamlOutputType } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { EgressHost, IstioMesh, Sidecar, WorkloadSelector } from '../../src';
import * as engine from '../../src/analysis/engine';
import { RuleSuppressions } from '../../src/validation/rule-suppressions';
import { thrownMessage } from '../setup/thrown-message';

const yamlDocuments = (text: string): any[] => parseAllDocuments(text).map((d) => d.toJS());

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
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(join(tmpdir(), 'istio-sidecar-'));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  const EGRESS = [{ hosts: [EgressHost.sameNamespace()] }];

  /** How often each of `apiObjects` renders itself (cdk8s's ApiObject.toJson) while `body` runs. */
  function rendersOfEach(apiObjects: readonly ApiObject[], body: () => void): number[] {
    const spy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      body();
      return apiObjects.map((apiObject) => spy.mock.contexts.filter((c) => c === apiObject).length);
    } finally {
      spy.mockRestore();
    }
  }

  const rendersOf = (apiObject: ApiObject, body: () => void): number => rendersOfEach([apiObject], body)[0];

  /** Every object synth wrote under `dir`, in any output type, in file name order. */
  function written(dir: string): any[] {
    return readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => e.isDirectory() ? written(join(dir, e.name)) : yamlDocuments(readFileSync(join(dir, e.name), 'utf8')));
  }

  test('a workload Sidecar\'s Deployment renders once for validation and once for the output, not once per lookup or per chart', () => {
    const app = new App({ outdir });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const deployment = new ApiObject(chart, 'ratings-deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ratings' },
      spec: { selector: { matchLabels: { app: 'ratings' } }, template: { metadata: { labels: { app: 'ratings' } } } },
    });
    const sidecar = new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.fromWorkload(deployment), egress: EGRESS });
    new Chart(app, 'other');
    const renders = jest.spyOn(deployment, 'toJson');
    expect(rendersOf(sidecar, () => App.prototype.synth.call(app))).toBe(1);
    // The Sidecar's output is the render its validation judged, so its selector reads no label twice.
    expect(renders).toHaveBeenCalledTimes(2);
    // Outside a synth every render is fresh: a later change is seen.
    Testing.synth(chart);
    expect(renders.mock.calls.length).toBeGreaterThan(2);
  });

  test.each([
    ['FILE_PER_CHART', YamlOutputType.FILE_PER_CHART],
    ['FILE_PER_APP', YamlOutputType.FILE_PER_APP],
    ['FILE_PER_RESOURCE', YamlOutputType.FILE_PER_RESOURCE],
    ['FOLDER_PER_CHART_FILE_PER_RESOURCE', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
  ])('%s: each of the library\'s objects renders once per synth, and what is written is what it renders', (_name, yamlOutputType) => {
    const app = new App({ outdir, yamlOutputType });
    // Names apart: FILE_PER_RESOURCE names a file after the object's kind and name only.
    const sidecars = ['a', 'b', 'c'].map((namespace) => new Sidecar(new Chart(app, namespace, { namespace }), 'default', { metadata: { name: `egress-${namespace}` }, egress: EGRESS }));
    RuleSuppressions.add(sidecars[1], 'S-NAME-DEFAULT', 'kept for the test');
    expect(rendersOfEach(sidecars, () => App.prototype.synth.call(app))).toEqual([1, 1, 1]);
    const sidecarsWritten = written(outdir).filter((o) => o.kind === 'Sidecar');
    expect(sidecarsWritten).toEqual(sidecars.map((sidecar) => sidecar.toJson()));
    expect(sidecarsWritten[1].metadata.annotations['cdk8s-istio-sidecar.io/suppress']).toContain('S-NAME-DEFAULT');
  });

  test('synthYaml renders each of the library\'s objects once, and a change after it is rendered afresh', () => {
    const app = new App({ outdir });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const sidecar = new Sidecar(chart, 'default', { metadata: { name: 'default' }, egress: EGRESS });
    let yaml = '';
    expect(rendersOf(sidecar, () => { yaml = App.prototype.synthYaml.call(app); })).toBe(1);
    expect(yamlDocuments(yaml)).toEqual([sidecar.toJson()]);
    sidecar.metadata.addLabel('team', 'shop');
    expect(sidecar.toJson().metadata.labels).toEqual({ team: 'shop' });
    expect(yamlDocuments(app.synthYaml())[0].metadata.labels).toEqual({ team: 'shop' });
  });

  test('a synth that stops part way leaves no render anyone else can take: a change after it is rendered afresh', () => {
    const app = new App({ outdir });
    const sidecars = ['a', 'b', 'c'].map((namespace) => new Sidecar(new Chart(app, namespace, { namespace }), 'default', { metadata: { name: 'default' }, egress: EGRESS }));
    // Not judged (not a kind the engine reads), so it first renders for the output, in chart b.
    new ApiObject(Chart.of(sidecars[1]), 'broken', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'broken' },
      data: { value: Lazy.any({ produce: () => { throw new Error('the value cannot be produced'); } }) },
    });
    expect(() => App.prototype.synth.call(app)).toThrow(/the value cannot be produced/);
    const [, , last] = sidecars;
    last.metadata.addLabel('team', 'shop');
    // Called by user code, not by cdk8s writing the output.
    expect(last.toJson().metadata.labels).toEqual({ team: 'shop' });
    // Called by cdk8s, after a validation pass that judged afresh.
    expect(Chart.prototype.toJson.call(Chart.of(last))[0].metadata.labels).toEqual({ team: 'shop' });
  });

  test('a subclass that overrides toJson() gets a fresh render, and its output is what it returns', () => {
    class Labelled extends Sidecar {
      public toJson(): any {
        const json = super.toJson();
        return { ...json, metadata: { ...json.metadata, labels: { team: 'shop' } } };
      }
    }
    const app = new App({ outdir });
    const sidecar = new Labelled(new Chart(app, 'shop', { namespace: 'shop' }), 'default', { metadata: { name: 'default' }, egress: EGRESS });
    expect(rendersOf(sidecar, () => App.prototype.synth.call(app))).toBe(2);
    expect(written(outdir)).toEqual([sidecar.toJson()]);
    expect(written(outdir)[0].metadata.labels).toEqual({ team: 'shop' });
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
