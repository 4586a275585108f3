// MeshPicture.draw: the picture for code in every jsii language, called as the jsii kernel calls
// a static method (the function with its class as `this`).
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildMeshApp } from '../../examples/mesh/main';
import { MeshPicture, MeshPictureFormat, OutboundTrafficPolicyMode } from '../../src';
import { resolveRunSettings } from '../../src/analysis/run';
import { drawMesh } from '../../src/graph/picture';

const MANIFESTS = parseAllDocuments(buildMeshApp(Testing.app()).synthYaml()).map((doc) => doc.toJSON());
const draw = (manifests: unknown, options?: unknown): string =>
  (MeshPicture.draw as (...args: unknown[]) => string).call(MeshPicture, manifests, options);

describe('MeshPicture.draw', () => {
  test.each([
    [MeshPictureFormat.SVG, /^<\?xml/],
    [MeshPictureFormat.HTML, /^<!DOCTYPE html>/],
    [MeshPictureFormat.DOT, /^digraph mesh \{/],
    [MeshPictureFormat.MERMAID, /^flowchart LR/],
  ])('%s: the same picture the CLI and graphFile draw', (format, start) => {
    const options = { format, outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY };
    const picture = draw(MANIFESTS, options);
    expect(picture).toMatch(start);
    const same = drawMesh({ entries: MANIFESTS.map((manifest) => ({ manifest })), settings: resolveRunSettings({ outboundTrafficPolicy: 'REGISTRY_ONLY' }) }, { format });
    expect(picture).toBe(same);
  });

  test('SVG by default; from and collapseAbove as the CLI takes them', () => {
    expect(draw(MANIFESTS)).toMatch(/^<\?xml[^>]*>\s*<!DOCTYPE svg/);
    const one = draw(MANIFESTS, { format: MeshPictureFormat.DOT, from: 'shop/frontend' });
    expect(one.match(/"workload:[^"]*" \[/g)).toEqual(['"workload:shop/Deployment/frontend" [']);
    const collapsed = draw(MANIFESTS, { format: MeshPictureFormat.DOT, collapseAbove: 1 });
    expect(collapsed).toContain('"workloads:shop" [label="3 workloads", shape=box3d]');
  });

  test.each([
    ['an unknown format', { format: 'png' }, 'MeshPicture.draw: format "png" is invalid: expected one of dot, mermaid, svg, html (MeshPictureFormat)'],
    ['a from that is no string', { from: 7 }, 'MeshPicture.draw: from 7 is invalid: expected the workload as "NS/NAME", e.g. "bookinfo/productpage"'],
    ['a from that names no workload', { from: 'shop/nope' }, 'MeshPicture.draw: no workload "shop/nope" in the input; workloads include'],
    ['a negative collapseAbove', { collapseAbove: -1 }, 'MeshPicture.draw: collapseAbove -1 is invalid: expected a whole number of workloads, e.g. 20'],
    ['a mesh option of the wrong type', { rootNamespace: 3 }, 'MeshPicture.draw: rootNamespace'],
    ['an unknown option', { colapseAbove: 3 }, 'MeshPicture.draw: unknown option "colapseAbove"'],
  ])('%s is a clear error', (_name, options, message) => {
    expect(() => draw(MANIFESTS, options)).toThrow(message);
  });
});
