// The picture in every format it is drawn in: SVG laid out by Graphviz (WebAssembly, in-process)
// for examples/mesh, and the HTML page with its findings table and scopes.
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildMeshApp } from '../../examples/mesh/main';
import { JsonObject } from '../../src/analysis/manifest';
import { sidecarManifest } from '../../src/analysis/rules/support/example-manifests';
import { deploymentManifest } from '../../src/analysis/rules/support/mesh-examples';
import { RunSettings, resolveRunSettings, runAnalysis } from '../../src/analysis/run';
import { escapeHtml } from '../../src/graph/html';
import { drawMesh } from '../../src/graph/picture';
import { PICTURE_FORMATS, pictureFormatOfFile } from '../../src/graph/picture-format';
import { SvgRenderError, renderSvg } from '../../src/graph/svg';

const MESH_MANIFESTS: JsonObject[] = parseAllDocuments(buildMeshApp(Testing.app()).synthYaml()).map((doc) => doc.toJSON());
const MESH = { entries: MESH_MANIFESTS.map((manifest) => ({ manifest })), settings: resolveRunSettings({ outboundTrafficPolicy: 'REGISTRY_ONLY' }) };
const WORKLOADS = MESH_MANIFESTS.filter((m) => m.kind === 'Deployment').map((m) => (m.metadata as JsonObject).name as string);

/** The text of every `<title>` Graphviz gives a node or edge group, unescaped. */
function svgTitles(svg: string): string[] {
  return [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&#45;/g, '-').replace(/&amp;/g, '&'));
}

describe('svg', () => {
  const svg = drawMesh(MESH, { format: 'svg' });

  test('examples/mesh renders: an SVG document of non-zero size with a node for every workload', () => {
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<!DOCTYPE svg/);
    const size = /<svg width="(\d+(?:\.\d+)?)pt" height="(\d+(?:\.\d+)?)pt"/.exec(svg);
    expect(size).not.toBeNull();
    expect(Number(size![1])).toBeGreaterThan(100);
    expect(Number(size![2])).toBeGreaterThan(100);
    const titles = svgTitles(svg);
    for (const name of WORKLOADS) expect(titles.some((t) => t.startsWith('workload:') && t.endsWith(`/Deployment/${name}`))).toBe(true);
    expect(titles).toContain('cluster_shop');
  });

  test('the same input gives the same bytes (the README commits the picture)', () => {
    expect(drawMesh(MESH, { format: 'svg' })).toBe(svg);
  });

  test('a blocked declared call is a red edge', () => {
    const blocked = drawMesh({
      entries: [
        sidecarManifest({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' }, egress: [{ hosts: ['./*'] }] }, { name: 'default', namespace: 'prod' }),
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ratings', namespace: 'ratings' }, spec: { ports: [{ port: 9080 }] } },
        deploymentManifest('prod', 'client', { app: 'client' }, { 'cdk8s-istio-sidecar.io/calls': 'ratings.ratings:9080' }),
      ].map((manifest) => ({ manifest })),
      settings: resolveRunSettings({}),
    }, { format: 'svg' });
    const edge = /<title>workload:prod\/Deployment\/client&#45;&gt;host:ratings\/ratings\.ratings\.svc\.cluster\.local<\/title>\s*<path[^>]*stroke="red"/.exec(blocked);
    expect(edge).not.toBeNull();
  });

  test('Graphviz\'s own error for input it cannot lay out', () => {
    expect(() => renderSvg('digraph { a -> ')).toThrow(SvgRenderError);
    expect(() => renderSvg('digraph { a -> ')).toThrow(/Graphviz could not draw the graph: syntax error in line 1/);
  });
});

describe('html', () => {
  const result = runAnalysis(MESH.entries, MESH.settings);
  const html = drawMesh({ ...MESH, result }, { format: 'html' });

  test('one self-contained page: the SVG inline, no script, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<div class="picture"><svg width=');
    expect(html).not.toContain('<?xml');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\ssrc=/i);
    // Links only to rule docs and in-page anchors.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#|https:\/\/github\.com\/[^"]+\/docs\/RULES\.md#)/);
  });

  test('the findings table: one row per finding, each linking its rule\'s section', () => {
    const withFindings = [
      ...MESH.entries,
      { manifest: sidecarManifest({ egress: [{ hosts: ['bad host'] }] }, { name: 'broken', namespace: 'shop' }), location: 'extra.yaml' },
    ];
    const findings = runAnalysis(withFindings, MESH.settings).findings;
    expect(findings.length).toBeGreaterThan(0);
    const page = drawMesh({ entries: withFindings, settings: MESH.settings }, { format: 'html' });
    const table = page.slice(page.indexOf('<table class="findings">'), page.indexOf('</table>', page.indexOf('<table class="findings">')));
    const rows = table.split('<tr').slice(2);
    expect(rows).toHaveLength(findings.length);
    findings.forEach((finding, i) => {
      expect(rows[i]).toContain(`#${finding.ruleId.toLowerCase()}"><code>${finding.ruleId}</code></a>`);
      expect(rows[i]).toContain(escapeHtml(finding.message));
      expect(rows[i]).toContain(`<code>${escapeHtml(finding.path)}</code>`);
    });
    expect(rows.some((row) => row.includes('Sidecar shop/broken<br><code>extra.yaml</code>'))).toBe(true);
  });

  test('the counts above the table, and a mesh without findings says so', () => {
    const { errors, warnings, infos, suppressed } = result.summary;
    expect(html).toContain(`<p>${errors} error(s), ${warnings} warning(s), ${infos} info, ${suppressed} suppressed</p>`);
    const clean = { entries: [{ manifest: deploymentManifest('prod', 'x', { app: 'x' }) }], settings: resolveRunSettings({}) };
    expect(runAnalysis(clean.entries, clean.settings).findings).toEqual([]);
    const page = drawMesh(clean, { format: 'html' });
    expect(page).toContain('<h2 id="findings">Findings</h2>\n<p>No findings.</p>');
    expect(page).not.toContain('<table class="findings">');
  });

  test('every workload\'s scope: its Sidecar, its outbound policy, its hosts folded', () => {
    const scopes = html.slice(html.indexOf('<table class="scopes">'));
    for (const name of WORKLOADS) expect(scopes).toMatch(new RegExp(`<tr><td>Deployment [a-z]+/${name}</td><td>`));
    expect(scopes).toContain('<td>Deployment shop/frontend</td><td>Sidecar shop/frontend (selector)</td><td>REGISTRY_ONLY');
    expect(scopes).toMatch(/<details><summary>\d+ of \d+ host\(s\)<\/summary><ul><li><code>[a-z.-]+ \(\d+(, \d+)*\)<\/code><\/li>/);
  });

  test('--from: the one workload\'s scope', () => {
    const focused = drawMesh(MESH, { format: 'html', from: 'shop/frontend' });
    const rows = focused.slice(focused.indexOf('<table class="scopes">')).split('<tr><td>').slice(1);
    expect(rows.map((row) => row.slice(0, row.indexOf('</td>')))).toEqual(['Deployment shop/frontend']);
  });

  test('--from: only the findings about that workload and the Sidecar it gets', () => {
    const entries = [
      ...MESH.entries,
      // Findings on another Sidecar of the mesh, and one on frontend's own Sidecar.
      { manifest: sidecarManifest({ egress: [{ hosts: ['bad host'] }] }, { name: 'broken', namespace: 'payments' }) },
    ];
    const all = runAnalysis(entries, MESH.settings).findings;
    expect(all.some((f) => f.resource.name === 'broken')).toBe(true);
    const focused = drawMesh({ entries, settings: MESH.settings }, { format: 'html', from: 'shop/frontend' });
    expect(focused).not.toContain('Sidecar payments/broken');
    // frontend and its Sidecar are clean; the whole mesh is not.
    expect(all.filter((f) => f.resource.namespace === 'shop' && f.resource.name === 'frontend')).toEqual([]);
    expect(focused).toContain('<h2 id="findings">Findings</h2>\n<p>No findings.</p>');
    expect(drawMesh({ entries, settings: MESH.settings }, { format: 'html' })).toContain('Sidecar payments/broken');
  });

  test('names from the input reach the picture as text, never markup', () => {
    const page = drawMesh({
      entries: [{ manifest: deploymentManifest('prod', '<script>alert(1)</script>', { app: 'x' }) }],
      settings: resolveRunSettings({}),
    }, { format: 'html' });
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('text from the input is escaped, never markup', () => {
    expect(escapeHtml('<script>"a" & \'b\'</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
    const hostile = drawMesh({
      entries: [{ manifest: deploymentManifest('prod', 'x', { app: 'x' }, { 'cdk8s-istio-sidecar.io/calls': '<img src=x>' }) }],
      settings: resolveRunSettings({}),
    }, { format: 'html' });
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x&gt;');
  });
});

describe('formats', () => {
  const settings: RunSettings = MESH.settings;

  test.each([
    ['mesh.svg', 'svg'], ['out/Mesh.HTML', 'html'], ['m.htm', 'html'], ['m.dot', 'dot'], ['m.gv', 'dot'], ['m.mmd', 'mermaid'], ['m.mermaid', 'mermaid'],
    ['mesh.txt', undefined], ['mesh', undefined], ['svg', undefined],
  ])('%s -> %s', (file, format) => {
    expect(pictureFormatOfFile(file)).toBe(format);
  });

  test('dot and mermaid are the graph\'s text as the renderers write it', () => {
    expect(drawMesh({ entries: MESH.entries, settings }, { format: 'dot' })).toMatch(/^digraph mesh \{\n/);
    expect(drawMesh({ entries: MESH.entries, settings }, { format: 'mermaid' })).toMatch(/^flowchart LR\n/);
    expect(PICTURE_FORMATS).toEqual(['dot', 'mermaid', 'svg', 'html']);
  });
});
