// IstioMesh's graphFile: the picture of the mesh, drawn at synth by the same code as `graph`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { EgressHost, IstioMesh, Sidecar, WorkloadSelector } from '../../src';
import { GRAPH_FILE_ENV } from '../../src/validation/environment';

// Synth prints its warnings for people; these tests judge what synth writes.
beforeEach(() => jest.spyOn(process.stderr, 'write').mockImplementation(() => true));
afterEach(() => jest.restoreAllMocks());

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'graph-file-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An app with one namespace default Sidecar in shop; `broken` adds one Istio rejects. */
function shopApp(broken = false): App {
  const app = new App({ outdir: join(dir, 'dist') });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new Sidecar(chart, 'default', { metadata: { name: 'default' }, egress: [{ hosts: [EgressHost.sameNamespace()] }] });
  if (broken) new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }) });
  return app;
}

describe('IstioMesh graphFile', () => {
  test.each([
    ['mesh.html', /^<!DOCTYPE html>/],
    ['mesh.svg', /^<\?xml[^>]*>\s*<!DOCTYPE svg/],
    ['mesh.dot', /^digraph mesh \{/],
    ['mesh.mmd', /^flowchart LR/],
  ])('%s: synth draws the picture in the format the extension names, outside the manifest folder', (file, start) => {
    const app = shopApp();
    IstioMesh.configure(app, { graphFile: join(dir, 'pictures', file) });
    // As the jsii kernel calls it, for every other language.
    App.prototype.synth.call(app);
    expect(readFileSync(join(dir, 'pictures', file), 'utf8')).toMatch(start);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['shop.k8s.yaml']);
  });

  test('the HTML holds the findings of that synth, and is drawn when they fail it', () => {
    const app = shopApp(true);
    IstioMesh.configure(app, { graphFile: join(dir, 'mesh.html') });
    expect(() => app.synth()).toThrow(/S-EMPTY-CONFIG/);
    const html = readFileSync(join(dir, 'mesh.html'), 'utf8');
    expect(html).toContain('<td class="error">error</td><td><a href="https://github.com/');
    expect(html).toContain('#s-empty-config"><code>S-EMPTY-CONFIG</code></a>');
    expect(html).toContain('<br><code>shop/ratings</code>');
  });

  test('a picture that cannot be written fails synth, naming the setting and why, with no stack trace', () => {
    const app = shopApp();
    mkdirSync(join(dir, 'taken.svg'));
    IstioMesh.configure(app, { graphFile: join(dir, 'taken.svg') });
    expect(() => app.synth()).toThrow(`cannot draw the picture of the mesh into graphFile "${join(dir, 'taken.svg')}": it is a folder`);
  });

  test('off by default: nothing is drawn', () => {
    const app = shopApp();
    app.synth();
    expect(readdirSync(dir)).toEqual(['dist']);
    expect(IstioMesh.of(app).graphFile).toBeUndefined();
  });

  test.each([' ', 'mesh.png', 'mesh'])('graphFile %j is refused at configure, naming the extensions', (file) => {
    expect(() => IstioMesh.configure(Testing.app(), { graphFile: file })).toThrow(
      `IstioMesh.configure(): graphFile ${JSON.stringify(file)} is invalid: give a path whose extension names the format (.dot, .gv, .mmd, .mermaid, .svg, .html, .htm), e.g. "mesh.html"`,
    );
  });

  describe(`${GRAPH_FILE_ENV}`, () => {
    const previous = process.env[GRAPH_FILE_ENV];
    afterEach(() => {
      if (previous === undefined) delete process.env[GRAPH_FILE_ENV];
      else process.env[GRAPH_FILE_ENV] = previous;
    });

    test('asks for the picture when graphFile is not set; the setting wins over it', () => {
      process.env[GRAPH_FILE_ENV] = join(dir, 'from-env.svg');
      shopApp().synth();
      expect(existsSync(join(dir, 'from-env.svg'))).toBe(true);

      const app = shopApp();
      IstioMesh.configure(app, { graphFile: join(dir, 'from-setting.mmd') });
      rmSync(join(dir, 'from-env.svg'));
      app.synth();
      expect(existsSync(join(dir, 'from-setting.mmd'))).toBe(true);
      expect(existsSync(join(dir, 'from-env.svg'))).toBe(false);
    });

    test('a name without a picture extension fails synth, saying what to write', () => {
      process.env[GRAPH_FILE_ENV] = join(dir, 'mesh.txt');
      expect(() => shopApp().synth()).toThrow(`${GRAPH_FILE_ENV}="${join(dir, 'mesh.txt')}" does not say the picture's format by its extension: end it with .dot, .gv, .mmd, .mermaid, .svg, .html, .htm`);
      expect(existsSync(join(dir, 'mesh.txt'))).toBe(false);
    });
  });
});
