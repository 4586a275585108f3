// The HTML picture in a real browser: Debian's chromium (CI installs it, see .ci/run) driven by
// puppeteer-core. It checks what a person sees: the page's text, a drawn SVG of non-zero size,
// and that the page asks the network for nothing; and that the Mermaid text draws in Mermaid
// itself (its browser bundle, from node_modules). The screenshots are kept in dist/graph/ for
// people to look at.
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { Testing } from 'cdk8s';
import puppeteer, { Browser } from 'puppeteer-core';
import { parseAllDocuments } from 'yaml';
import { buildMeshApp } from '../../examples/mesh/main';
import { resolveRunSettings } from '../../src/analysis/run';
import { escapeHtml } from '../../src/graph/html';
import { drawMesh } from '../../src/graph/picture';

/** The browser: CHROMIUM_PATH, else Debian's package. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = resolve(__dirname, '..', '..', 'dist', 'graph');

// .ci/run installs the browser and sets REQUIRE_BROWSER, so there a missing one is a failure;
// elsewhere the test waits for it.
const hasBrowser = existsSync(CHROMIUM);
const required = (process.env.REQUIRE_BROWSER ?? '') !== '';

if (!hasBrowser && required) {
  test('the browser test needs chromium', () => {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  });
}

(hasBrowser ? describe : describe.skip)('the HTML picture of examples/mesh in chromium', () => {
  let browser: Browser;
  const page = join(OUT, 'mesh.html');

  const manifests = parseAllDocuments(buildMeshApp(Testing.app()).synthYaml()).map((doc) => doc.toJSON());
  const MESH = { entries: manifests.map((manifest) => ({ manifest })), settings: resolveRunSettings({ outboundTrafficPolicy: 'REGISTRY_ONLY' }) };

  beforeAll(async () => {
    const html = drawMesh(MESH, { format: 'html' });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(page, html);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      // Root in a container has no user namespace for the sandbox; the page is our own file.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      headless: true,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('the page shows the picture, the findings and every scope, and loads nothing from elsewhere', async () => {
    const tab = await browser.newPage();
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    await tab.setViewport({ width: 1400, height: 1000 });
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });

    const text = await tab.evaluate(() => document.body.innerText);
    expect(text).toContain('The mesh, as configured');
    expect(text).toContain('Findings');
    expect(text).toContain('S-HOST-DUPLICATE');
    expect(text).toContain('Deployment shop/frontend');
    expect(text).toContain('Sidecar shop/frontend (selector)');

    const box = await tab.evaluate(() => {
      const svg = document.querySelector('.picture svg');
      const rect = svg?.getBoundingClientRect();
      return rect ? { width: rect.width, height: rect.height, nodes: svg!.querySelectorAll('g.node').length } : undefined;
    });
    expect(box).toBeDefined();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    expect(box!.nodes).toBeGreaterThan(5);

    // Scope lists fold without JavaScript: <details> opens on a click, in the browser itself.
    const folded = await tab.evaluate(() => (document.querySelector('table.scopes details') as HTMLDetailsElement).open);
    expect(folded).toBe(false);
    await tab.click('table.scopes details summary');
    expect(await tab.evaluate(() => (document.querySelector('table.scopes details') as HTMLDetailsElement).open)).toBe(true);

    expect(requests).toEqual([pathToFileURL(page).href]);
    await tab.screenshot({ path: join(OUT, 'mesh.png'), fullPage: true });
    expect(existsSync(join(OUT, 'mesh.png'))).toBe(true);
  }, 60_000);

  test('the Mermaid flowchart parses and draws in Mermaid itself, as GitHub renders it', async () => {
    const mermaidPage = join(OUT, 'mesh.mermaid.html');
    const script = pathToFileURL(require.resolve('mermaid/dist/mermaid.min.js')).href;
    writeFileSync(mermaidPage, [
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
      `<pre class="mermaid">${escapeHtml(drawMesh(MESH, { format: 'mermaid' }))}</pre>`,
      `<script src="${script}"></script>`,
      '</body></html>',
    ].join('\n'));
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(mermaidPage).href, { waitUntil: 'load' });
    const drawn = await tab.evaluate(async () => {
      const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; run(): Promise<void> } }).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        await mermaid.run();
      } catch (error) {
        return { error: String(error) };
      }
      const svg = document.querySelector('pre.mermaid svg');
      return { nodes: svg?.querySelectorAll('g.node').length ?? 0, text: document.body.innerText };
    });
    expect(drawn).not.toHaveProperty('error');
    expect(drawn.nodes).toBeGreaterThan(5);
    expect(drawn.text).toContain('Deployment frontend');
    expect(drawn.text).not.toMatch(/Syntax error/i);
    await tab.screenshot({ path: join(OUT, 'mesh.mermaid.png'), fullPage: true });
  }, 60_000);
});
