import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { EgressHost, IstioMesh, MeshAnalysis, SelectionVia, Severity, Sidecar, WorkloadSelector } from '../../src';
import { thrownMessage } from '../setup/thrown-message';

const MESH_DEFAULT_EGRESS = [{ hosts: [EgressHost.sameNamespace(), EgressHost.namespace('istio-system').allHosts()] }];

function rootDefault(app: App, props: { selector?: WorkloadSelector } = {}): Chart {
  IstioMesh.configure(app, { rootNamespace: 'istio-config' });
  const chart = new Chart(app, 'mesh', { namespace: 'istio-config' });
  new Sidecar(chart, 'default', { metadata: { name: 'default' }, workloadSelector: props.selector, egress: MESH_DEFAULT_EGRESS });
  return chart;
}

describe('app-wide analysis at synth', () => {
  beforeEach(() => jest.spyOn(process.stderr, 'write').mockImplementation(() => true));
  afterEach(() => jest.restoreAllMocks());

  test('two namespace-wide Sidecars of one namespace in two charts fail synth with one line for each, naming the other', () => {
    const app = Testing.app();
    new Sidecar(new Chart(app, 'shop-core', { namespace: 'shop' }), 'default', { metadata: { name: 'default' }, egress: MESH_DEFAULT_EGRESS });
    new Sidecar(new Chart(app, 'shop-extras', { namespace: 'shop' }), 'other', { metadata: { name: 'other' }, egress: MESH_DEFAULT_EGRESS });
    const lines = thrownMessage(() => app.synthYaml()).split('\n').filter((line) => line.includes('X-NS-MULTIPLE-SELECTORLESS'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('[shop-core/default] X-NS-MULTIPLE-SELECTORLESS: namespace "shop" has 2 Sidecars that apply to the whole namespace');
    expect(lines[0]).toContain('istiod uses this one');
    expect(lines[1]).toContain('[shop-extras/other] X-NS-MULTIPLE-SELECTORLESS: ');
    expect(lines[1]).toContain('istiod ignores this one and uses "default"');
    expect(lines[0]).toContain('(also: Sidecar shop/other [shop-extras/other])');
  });

  test('the mesh default in a configured root namespace is accepted', () => {
    const app = Testing.app();
    rootDefault(app);
    expect(() => app.synthYaml()).not.toThrow();
    expect(IstioMesh.of(app).findings()).toEqual([]);
  });

  test('the same root Sidecar with a selector is reported: it is never the mesh default', () => {
    const app = Testing.app();
    rootDefault(app, { selector: WorkloadSelector.of({ app: 'foo' }) });
    expect(() => app.synthYaml()).not.toThrow(); // a warning
    expect(IstioMesh.of(app).findings().map((f) => [f.ruleId, f.location, f.path])).toContainEqual(
      ['X-ROOT-DEFAULT-HAS-SELECTOR', 'mesh/default', 'spec.workloadSelector'],
    );
  });

  test('failOn: warning turns a cross-object warning into a synth error, printed as an error only', () => {
    const app = Testing.app();
    rootDefault(app, { selector: WorkloadSelector.of({ app: 'foo' }) });
    IstioMesh.configure(app, { failOn: Severity.WARNING, quiet: false });
    expect(thrownMessage(() => app.synthYaml())).toContain('[mesh/default] X-ROOT-DEFAULT-HAS-SELECTOR: ');
    expect(process.stderr.write).not.toHaveBeenCalled();
  });

  test('failOn: info fails on any finding, and a bad failOn is refused at configure', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { failOn: Severity.INFO });
    expect(IstioMesh.of(app).failOn).toBe(Severity.INFO);
    expect(() => IstioMesh.configure(app, { failOn: 'warnings' as Severity })).toThrow(
      'IstioMesh.configure(): failOn "warnings" is invalid: expected "error", "warning", "info"',
    );
    expect(IstioMesh.of(app).failOn).toBe(Severity.INFO);
  });

  test('a Sidecar selecting a cdk8s-plus Deployment matches it', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const ratings = new kplus.Deployment(chart, 'ratings', { containers: [{ image: 'example/ratings:1', portNumber: 9080 }] });
    new Sidecar(chart, 'ratings-sidecar', { metadata: { name: 'ratings' }, workloadSelector: WorkloadSelector.fromWorkload(ratings), egress: MESH_DEFAULT_EGRESS });
    new Sidecar(chart, 'typo', { metadata: { name: 'typo' }, workloadSelector: WorkloadSelector.of({ app: 'ratinsg' }), egress: MESH_DEFAULT_EGRESS });

    const noMatch = IstioMesh.of(app).findings().filter((f) => f.ruleId === 'X-SELECTOR-NO-MATCH');
    expect(noMatch.map((f) => f.location)).toEqual(['shop/typo']);

    const explained = MeshAnalysis.explain(Testing.synth(chart));
    expect(explained.map((s) => [s.workload.kind, s.sidecar?.name, s.via])).toEqual([['Deployment', 'ratings', SelectionVia.SELECTOR]]);
  });

  test('the app\'s istio ConfigMap sets the root namespace, as the CLI and the plugin read it, unless configure() set one', () => {
    const build = (configure: boolean) => {
      const app = Testing.app();
      if (configure) IstioMesh.configure(app, { rootNamespace: 'istio-system' });
      const mesh = new Chart(app, 'mesh', { namespace: 'istio-config' });
      new ApiObject(mesh, 'istio', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace: 'istio-system' }, data: { mesh: 'rootNamespace: istio-config\n' } });
      new Sidecar(mesh, 'default', { metadata: { name: 'default' }, workloadSelector: WorkloadSelector.of({ app: 'foo' }), egress: MESH_DEFAULT_EGRESS });
      return IstioMesh.of(app).findings().map((f) => f.ruleId);
    };
    expect(build(false)).toContain('X-ROOT-DEFAULT-HAS-SELECTOR');
    expect(build(true)).not.toContain('X-ROOT-DEFAULT-HAS-SELECTOR');
  });

  test('an unreadable mesh key in the app\'s istio ConfigMap fails synth, naming the ConfigMap', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'mesh', { namespace: 'istio-system' });
    new ApiObject(chart, 'istio', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio' }, data: { mesh: 'rootNamespace: [' } });
    IstioMesh.of(app);
    expect(thrownMessage(() => app.synthYaml())).toMatch(/ConfigMap istio-system\/istio/);
  });
});
