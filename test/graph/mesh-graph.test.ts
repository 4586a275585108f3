// The mesh picture: its model from the reach model, and the DOT and Mermaid text made of it.
import { JsonObject } from '../../src/analysis/manifest';
import { ReachQueryError } from '../../src/analysis/reach/reach-report';
import { sidecarManifest } from '../../src/analysis/rules/support/example-manifests';
import { deploymentManifest } from '../../src/analysis/rules/support/mesh-examples';
import { MeshOptions, MeshSnapshot } from '../../src/analysis/snapshot';
import { toDot } from '../../src/graph/dot';
import { toMermaid } from '../../src/graph/mermaid';
import { MeshGraph, MeshGraphEdgeKind, MeshGraphNodeKind, meshGraph } from '../../src/graph/mesh-graph';

function svc(namespace: string, name: string, ports: number[]): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: { app: name }, ports: ports.map((port) => ({ name: `p${port}`, port })) },
  };
}

const CALLS = { 'cdk8s-istio-sidecar.io/calls': 'reviews.bookinfo:9080, ratings.ratings:9080' };
const SIDECAR = sidecarManifest(
  { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' }, egress: [{ hosts: ['./*', 'bookinfo/reviews.bookinfo.svc.cluster.local'] }] },
  { name: 'default', namespace: 'prod' },
);
const SMALL: JsonObject[] = [
  svc('prod', 'cache', [6379]),
  svc('bookinfo', 'reviews', [9080]),
  svc('bookinfo', 'details', [9080]),
  svc('ratings', 'ratings', [9080]),
  SIDECAR,
  deploymentManifest('prod', 'client', { app: 'client' }, CALLS),
];

function graphOf(manifests: JsonObject[], options: MeshOptions = {}, collapseAbove?: number): MeshGraph {
  const mesh = new MeshSnapshot(manifests.map((manifest) => ({ manifest })), options);
  return meshGraph(mesh, collapseAbove === undefined ? {} : { collapseAbove });
}

const CLIENT = 'workload:prod/Deployment/client';
const REVIEWS = 'host:bookinfo/reviews.bookinfo.svc.cluster.local';
const RATINGS = 'host:ratings/ratings.ratings.svc.cluster.local';

describe('meshGraph', () => {
  const graph = graphOf(SMALL);
  const node = (id: string) => graph.nodes.find((n) => n.id === id);

  test('a workload node names the workload, its Sidecar and how it was selected', () => {
    expect(node(CLIENT)).toEqual({
      id: CLIENT,
      kind: MeshGraphNodeKind.WORKLOAD,
      namespace: 'prod',
      label: 'Deployment client\nSidecar prod/default (namespace-default)',
    });
  });

  test('a whole-namespace import is one namespace node; a host import is a host node', () => {
    expect(node('namespace:prod')).toEqual({ id: 'namespace:prod', kind: MeshGraphNodeKind.NAMESPACE, label: 'prod/*', namespace: 'prod' });
    expect(node(REVIEWS)).toEqual({ id: REVIEWS, kind: MeshGraphNodeKind.HOST, label: 'reviews.bookinfo.svc.cluster.local', namespace: 'bookinfo' });
    expect(graph.nodes.some((n) => n.label.startsWith('cache.'))).toBe(false);
    expect(graph.nodes.some((n) => n.label.startsWith('details.'))).toBe(false);
    const imports = graph.edges.filter((e) => e.kind === MeshGraphEdgeKind.IMPORT).map((e) => [e.from, e.to]);
    expect(imports).toEqual([[CLIENT, REVIEWS], [CLIENT, 'namespace:prod']]);
  });

  test('declared calls: the reachable one a call edge, the blocked one a blocked edge to the host in its namespace', () => {
    const calls = graph.edges.filter((e) => e.kind !== MeshGraphEdgeKind.IMPORT);
    expect(calls).toEqual([
      { from: CLIENT, to: REVIEWS, kind: MeshGraphEdgeKind.CALL, label: ':9080' },
      { from: CLIENT, to: RATINGS, kind: MeshGraphEdgeKind.BLOCKED, label: ':9080' },
    ]);
    expect(node(RATINGS)?.namespace).toBe('ratings');
  });

  test('namespaces are clusters, sorted, holding their nodes', () => {
    expect(graph.clusters.map((c) => [c.namespace, c.nodeIds])).toEqual([
      ['bookinfo', [REVIEWS]],
      ['prod', [CLIENT, 'namespace:prod']],
      ['ratings', [RATINGS]],
    ]);
  });

  test('no Sidecar: the built-in default, importing all namespaces as one node', () => {
    const g = graphOf([svc('bookinfo', 'reviews', [9080]), svc('ratings', 'ratings', [9080]), deploymentManifest('prod', 'client', { app: 'client' })]);
    expect(g.nodes.find((n) => n.id === CLIENT)?.label).toBe('Deployment client\nno Sidecar (builtin-default)');
    expect(g.nodes.find((n) => n.kind === MeshGraphNodeKind.ALL_NAMESPACES)).toEqual({ id: 'all-namespaces', kind: MeshGraphNodeKind.ALL_NAMESPACES, label: 'all namespaces' });
    expect(g.edges).toEqual([{ from: CLIENT, to: 'all-namespaces', kind: MeshGraphEdgeKind.IMPORT }]);
  });

  test('a call passed through under ALLOW_ANY is a passthrough edge', () => {
    const allowAny = sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY' }, egress: [{ hosts: ['./*'] }] }, { name: 'default', namespace: 'prod' });
    const g = graphOf([svc('ratings', 'ratings', [9080]), allowAny, deploymentManifest('prod', 'client', { app: 'client' }, { 'cdk8s-istio-sidecar.io/calls': 'ratings.ratings:9080' })]);
    expect(g.edges.filter((e) => e.kind === MeshGraphEdgeKind.PASSTHROUGH)).toEqual([{ from: CLIENT, to: RATINGS, kind: MeshGraphEdgeKind.PASSTHROUGH, label: ':9080' }]);
  });

  test('above collapseAbove a namespace\'s workloads are one node, with its edges once', () => {
    const many = [0, 1, 2].map((i) => deploymentManifest('prod', `w${i}`, { app: `w${i}` }, CALLS));
    const collapsed = graphOf([...SMALL.slice(0, 5), ...many], {}, 2);
    expect(collapsed.nodes.filter((n) => n.namespace === 'prod')).toEqual([
      { id: 'workloads:prod', kind: MeshGraphNodeKind.WORKLOADS, label: '3 workloads', namespace: 'prod' },
      { id: 'namespace:prod', kind: MeshGraphNodeKind.NAMESPACE, label: 'prod/*', namespace: 'prod' },
    ]);
    expect(collapsed.edges.map((e) => [e.from, e.to, e.kind])).toEqual([
      ['workloads:prod', REVIEWS, 'import'],
      ['workloads:prod', REVIEWS, 'call'],
      ['workloads:prod', RATINGS, 'blocked'],
      ['workloads:prod', 'namespace:prod', 'import'],
    ]);
    const atThreshold = graphOf([...SMALL.slice(0, 5), ...many], {}, 3);
    expect(atThreshold.nodes.filter((n) => n.kind === MeshGraphNodeKind.WORKLOAD)).toHaveLength(3);
  });

  test('the same mesh in another input order gives the same graph and text', () => {
    const reversed = graphOf([...SMALL].reverse());
    expect(reversed).toEqual(graph);
    expect(toDot(reversed)).toBe(toDot(graph));
    expect(toMermaid(reversed)).toBe(toMermaid(graph));
  });
});

describe('toDot', () => {
  const dot = toDot(graphOf(SMALL));

  test('a digraph with a cluster per namespace and the nodes in it', () => {
    expect(dot.startsWith('digraph mesh {\n')).toBe(true);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    expect(dot).toContain('  subgraph "cluster_prod" {\n    label="prod";\n');
    expect(dot).toContain(`    "${CLIENT}" [label="Deployment client\\nSidecar prod/default (namespace-default)", shape=box];`);
    expect(dot).toContain('"namespace:prod" [label="prod/*", shape=folder];');
  });

  test('the blocked call is red, the reachable one is not', () => {
    const blocked = dot.split('\n').filter((line) => line.includes(`"${CLIENT}" -> "${RATINGS}"`));
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toContain('color="red"');
    const reviews = dot.split('\n').filter((line) => line.includes(`"${CLIENT}" -> "${REVIEWS}"`));
    expect(reviews).toHaveLength(2);
    for (const line of reviews) expect(line).not.toContain('color="red"');
  });

  test('labels and ids with quotes and backslashes are escaped', () => {
    const text = toDot({
      clusters: [{ namespace: 'a"b', label: 'a"b', nodeIds: ['x"y'] }],
      nodes: [{ id: 'x"y', kind: MeshGraphNodeKind.WORKLOAD, label: 'say "hi" \\ there', namespace: 'a"b' }],
      edges: [{ from: 'x"y', to: 'x"y', kind: MeshGraphEdgeKind.PASSTHROUGH, label: '"p"' }],
    });
    expect(text).toContain('subgraph "cluster_a\\"b" {');
    expect(text).toContain('"x\\"y" [label="say \\"hi\\" \\\\ there", shape=box];');
    expect(text).toContain('"x\\"y" -> "x\\"y" [color="orange", fontcolor="orange", style="dashed", label="\\"p\\""];');
  });
});

describe('toMermaid', () => {
  const mermaid = toMermaid(graphOf(SMALL));
  const lines = mermaid.trimEnd().split('\n');

  test('a flowchart with a subgraph per namespace', () => {
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.filter((l) => l.trim().startsWith('subgraph ')).map((l) => l.trim())).toEqual([
      'subgraph c0["bookinfo"]', 'subgraph c1["prod"]', 'subgraph c2["ratings"]',
    ]);
    expect(lines.filter((l) => l.trim() === 'end')).toHaveLength(3);
    expect(mermaid).toContain('["Deployment client<br/>Sidecar prod/default (namespace-default)"]');
  });

  test('the blocked call has a red linkStyle at its index', () => {
    const links = lines.filter((l) => / -(->|\.->)/.test(l));
    const graph = graphOf(SMALL);
    expect(links).toHaveLength(graph.edges.length);
    const blocked = graph.edges.findIndex((e) => e.kind === MeshGraphEdgeKind.BLOCKED);
    expect(lines).toContain(`  linkStyle ${blocked} stroke:red,stroke-width:2px`);
    expect(lines.filter((l) => l.includes('stroke:red'))).toHaveLength(1);
  });

  test('quotes in labels are escaped', () => {
    const text = toMermaid({
      clusters: [],
      nodes: [{ id: 'a', kind: MeshGraphNodeKind.HOST, label: 'say "hi" <b>|#' }],
      edges: [{ from: 'a', to: 'a', kind: MeshGraphEdgeKind.BLOCKED, label: '"x"' }],
    });
    expect(text).toContain('  n0["say #quot;hi#quot; #lt;b#gt;#124;#35;"]');
    expect(text).toContain('  n0 -->|"#quot;x#quot;"| n0');
    expect(text).toContain('  linkStyle 0 stroke:red,stroke-width:2px');
  });
});

describe('meshGraph from one workload', () => {
  const other = deploymentManifest('prod', 'other', { app: 'other' }, { 'cdk8s-istio-sidecar.io/calls': 'details.bookinfo:9080' });
  const mesh = new MeshSnapshot([...SMALL, other].map((manifest) => ({ manifest })));

  test('only that workload, its imports and its declared calls', () => {
    const focused = meshGraph(mesh, { from: 'prod/client' });
    expect(focused.nodes.filter((n) => n.kind === MeshGraphNodeKind.WORKLOAD).map((n) => n.id)).toEqual([CLIENT]);
    expect(new Set(focused.edges.map((e) => e.from))).toEqual(new Set([CLIENT]));
    // other's call to details is not drawn, nor its host.
    expect(focused.nodes.some((n) => n.label.startsWith('details.'))).toBe(false);
    expect(focused.edges).toEqual(meshGraph(mesh).edges.filter((e) => e.from === CLIENT));
  });

  test('a name that is no workload is a ReachQueryError naming the ones there are', () => {
    expect(() => meshGraph(mesh, { from: 'prod/nope' })).toThrow(ReachQueryError);
    expect(() => meshGraph(mesh, { from: 'prod/nope' })).toThrow(/no workload "prod\/nope" in the input; workloads include "prod\/client"/);
  });
});

describe('meshGraph at 200 workloads', () => {
  // 200 workloads in 4 namespaces, each calling 3 of 200 Services.
  const manifests: JsonObject[] = [];
  for (let i = 0; i < 200; i++) {
    const ns = `ns${i % 4}`;
    manifests.push(svc(ns, `svc${i}`, [80]));
    const calls = [1, 2, 3].map((k) => `svc${(i + k) % 200}.ns${((i + k) % 200) % 4}:80`).join(', ');
    manifests.push(deploymentManifest(ns, `w${i}`, { app: `w${i}` }, { 'cdk8s-istio-sidecar.io/calls': calls }));
  }
  const graph = graphOf(manifests);

  test('each namespace is one workloads node and one hosts node, edges to them without ports', () => {
    expect(graph.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ...[0, 1, 2, 3].flatMap((k) => [
        [`workloads:ns${k}`, MeshGraphNodeKind.WORKLOADS, '50 workloads'],
        [`hosts:ns${k}`, MeshGraphNodeKind.HOSTS, '50 hosts'],
      ]),
      ['all-namespaces', MeshGraphNodeKind.ALL_NAMESPACES, 'all namespaces'],
    ]);
    const calls = graph.edges.filter((e) => e.kind === MeshGraphEdgeKind.CALL);
    expect(calls.every((e) => e.label === undefined && e.to.startsWith('hosts:'))).toBe(true);
    // Each namespace's workloads call Services of the other three namespaces (and none of their own).
    expect(calls).toHaveLength(12);
  });

  test('at a higher threshold every workload and host is its own node', () => {
    const full = graphOf(manifests, {}, 200);
    expect(full.nodes.filter((n) => n.kind === MeshGraphNodeKind.WORKLOAD)).toHaveLength(200);
    expect(full.nodes.filter((n) => n.kind === MeshGraphNodeKind.HOST)).toHaveLength(200);
  });
});
