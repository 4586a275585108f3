// One analysis per synth, however synth is called: through the instance, through the prototype
// (as the jsii kernel does for Python, Java, Go and .NET), per chart with Testing.synth, or
// synthYaml. Warnings print once per synth unless quiet; findings() is pure.
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, JsonPatch, Lazy, Testing, YamlOutputType } from 'cdk8s';
import { EgressHost, IstioMesh, Severity, Sidecar, WorkloadSelector } from '../../src';
import * as engine from '../../src/analysis/engine';

const EVERYTHING = [{ hosts: [EgressHost.sameNamespace(), EgressHost.namespace('istio-system').allHosts()] }];

/** An app of three charts, each with a Sidecar named "everything" (S-NAME-DEFAULT warns about each). */
function warningApp(outdir: string): App {
  const app = new App({ outdir });
  IstioMesh.configure(app, { quiet: false });
  for (const namespace of ['a', 'b', 'c']) {
    new Sidecar(new Chart(app, namespace, { namespace }), 'everything', { metadata: { name: 'everything' }, egress: EVERYTHING });
  }
  return app;
}

function inTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'istio-synth-once-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What synth wrote to stderr while `body` ran, one entry per write. */
function stderrOf(body: () => void): string[] {
  const writes: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    body();
  } finally {
    spy.mockRestore();
  }
  return writes;
}

describe('one analysis per synth', () => {
  afterEach(() => jest.restoreAllMocks());

  test('App.prototype.synth.call(app), as the jsii kernel calls it: the analysis runs once, warnings print once, only manifests are written', () => {
    inTempDir((outdir) => {
      const app = warningApp(outdir);
      const analyze = jest.spyOn(engine, 'analyze');
      const printed = stderrOf(() => App.prototype.synth.call(app));
      expect(analyze).toHaveBeenCalledTimes(1);
      expect(printed).toHaveLength(1);
      for (const namespace of ['a', 'b', 'c']) expect(printed[0]).toContain(`[${namespace}/everything] S-NAME-DEFAULT`);
      expect(readdirSync(outdir).sort()).toEqual(['a.k8s.yaml', 'b.k8s.yaml', 'c.k8s.yaml']);
    });
  });

  test('app.synth() and app.synthYaml() run it once each, and print once each', () => {
    inTempDir((outdir) => {
      const app = warningApp(outdir);
      const analyze = jest.spyOn(engine, 'analyze');
      const printed = stderrOf(() => {
        app.synth();
        app.synthYaml();
      });
      expect(analyze).toHaveBeenCalledTimes(2);
      expect(printed).toHaveLength(2);
    });
  });

  test('a change between two synths in the same tick is judged afresh', () => {
    inTempDir((outdir) => {
      const app = new App({ outdir });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const raw = new ApiObject(chart, 'raw', { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default' }, spec: { egress: [{ hosts: ['./*'] }] } });
      App.prototype.synth.call(app);
      // A new construct.
      const ratings = new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }) });
      expect(() => App.prototype.synth.call(app)).toThrow(/\[shop\/ratings\] S-EMPTY-CONFIG: /);
      ratings.addEgress({ hosts: [EgressHost.sameNamespace()] });
      expect(() => App.prototype.synth.call(app)).not.toThrow();
      // A raw object changed in place, which nothing but a fresh render can see.
      raw.addJsonPatch(JsonPatch.replace('/spec/egress/0/hosts/0', 'x.com'));
      expect(() => app.synth()).toThrow(/\[shop\/raw\] S-HOST-FORMAT: /);
    });
  });

  test.each([YamlOutputType.FILE_PER_APP, YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE])(
    'output type %s: the analysis runs once per app.synth()', (yamlOutputType) => {
      inTempDir((outdir) => {
        const app = new App({ outdir, yamlOutputType });
        for (const namespace of ['a', 'b', 'c']) {
          new Sidecar(new Chart(app, namespace, { namespace }), 'default', { metadata: { name: 'default' }, egress: EVERYTHING });
        }
        const analyze = jest.spyOn(engine, 'analyze');
        app.synth();
        expect(analyze).toHaveBeenCalledTimes(1);
      });
    });

  test('a synth started while another app renders a chart is judged afresh, not on its own earlier result', () => {
    inTempDir((outdir) => {
      const other = Testing.app();
      const otherChart = new Chart(other, 'other', { namespace: 'other' });
      new Sidecar(otherChart, 'default', { metadata: { name: 'default' }, egress: EVERYTHING });
      other.synthYaml();
      new Sidecar(otherChart, 'empty', { workloadSelector: WorkloadSelector.of({ app: 'x' }) });
      let nested: string | undefined;
      const app = new App({ outdir });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new Sidecar(chart, 'default', { metadata: { name: 'default' }, egress: EVERYTHING });
      new ApiObject(chart, 'probe', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'probe' },
        data: {
          nested: Lazy.any({
            produce: () => {
              if (nested === undefined) {
                try {
                  Testing.synth(otherChart);
                  nested = 'passed';
                } catch (error) {
                  nested = (error as Error).message;
                }
              }
              return 'x';
            },
          }),
        },
      });
      app.synth();
      expect(nested).toMatch(/\[other\/empty\] S-EMPTY-CONFIG/);
    });
  });

  test('Testing.synth(chart) per chart judges each call afresh, and a change between them is seen', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a', { namespace: 'a' });
    const b = new Chart(app, 'b', { namespace: 'b' });
    new Sidecar(a, 'default', { metadata: { name: 'default' }, egress: EVERYTHING });
    const analyze = jest.spyOn(engine, 'analyze');
    Testing.synth(a);
    new Sidecar(b, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }) });
    expect(() => Testing.synth(b)).toThrow(/\[b\/ratings\] S-EMPTY-CONFIG/);
    expect(() => Chart.prototype.toJson.call(a)).toThrow(/\[b\/ratings\] S-EMPTY-CONFIG/);
    expect(analyze).toHaveBeenCalledTimes(3);
  });
});

describe('quiet, and reading findings', () => {
  const QUIET = 'CDK8S_ISTIO_SIDECAR_QUIET';
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env[QUIET];
    delete process.env[QUIET];
  });
  afterEach(() => {
    if (previous === undefined) delete process.env[QUIET];
    else process.env[QUIET] = previous;
  });

  test('quiet: true prints nothing; errors still fail synth', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { quiet: true });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new Sidecar(chart, 'everything', { metadata: { name: 'everything' }, egress: EVERYTHING });
    expect(stderrOf(() => Testing.synth(chart))).toEqual([]);
    new Sidecar(chart, 'empty', { workloadSelector: WorkloadSelector.of({ app: 'x' }) });
    expect(() => Testing.synth(chart)).toThrow(/S-EMPTY-CONFIG/);
  });

  test.each([['1', true], ['true', true], ['YES', true], ['0', false], ['', false]])('%j in CDK8S_ISTIO_SIDECAR_QUIET -> quiet %s', (value, quiet) => {
    process.env[QUIET] = value;
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new Sidecar(chart, 'everything', { metadata: { name: 'everything' }, egress: EVERYTHING });
    expect(IstioMesh.of(app).quiet).toBe(quiet);
    expect(stderrOf(() => Testing.synth(chart))).toHaveLength(quiet ? 0 : 1);
  });

  test('the quiet setting wins over the environment', () => {
    process.env[QUIET] = '1';
    const app = Testing.app();
    IstioMesh.configure(app, { quiet: false });
    expect(IstioMesh.of(app).quiet).toBe(false);
  });

  test('findings() prints nothing and changes nothing; problems() lists what a test asserts on', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { quiet: true });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new Sidecar(chart, 'everything', { metadata: { name: 'everything' }, egress: EVERYTHING });
    const mesh = IstioMesh.of(app);
    const before = JSON.stringify(Testing.synth(chart));
    const printed = stderrOf(() => {
      expect(mesh.findings().map((f) => f.ruleId)).toEqual(['S-NAME-DEFAULT']);
      expect(mesh.problems()).toEqual([expect.stringMatching(/^\[shop\/everything\] S-NAME-DEFAULT: /)]);
      expect(mesh.problems(Severity.ERROR)).toEqual([]);
    });
    expect(printed).toEqual([]);
    expect(JSON.stringify(Testing.synth(chart))).toBe(before);
  });

  test('a clean app has no problems, even at info', () => {
    const app = Testing.app();
    new Sidecar(new Chart(app, 'shop', { namespace: 'shop' }), 'default', { metadata: { name: 'default' }, egress: EVERYTHING });
    expect(IstioMesh.of(app).problems(Severity.INFO)).toEqual([]);
  });
});
