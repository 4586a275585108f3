// Graphviz source for a mesh graph: `dot -Tsvg mesh.dot > mesh.svg`.
import { MeshGraph, MeshGraphEdge, MeshGraphEdgeKind, MeshGraphNode, MeshGraphNodeKind } from './mesh-graph';

/** A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`. */
export function dotQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const SHAPES: Record<MeshGraphNodeKind, string> = {
  [MeshGraphNodeKind.WORKLOAD]: 'box',
  [MeshGraphNodeKind.WORKLOADS]: 'box3d',
  [MeshGraphNodeKind.NAMESPACE]: 'folder',
  [MeshGraphNodeKind.HOST]: 'ellipse',
  [MeshGraphNodeKind.HOSTS]: 'box3d',
  [MeshGraphNodeKind.ALL_NAMESPACES]: 'doubleoctagon',
};

const EDGE_ATTRIBUTES: Record<MeshGraphEdgeKind, readonly string[]> = {
  [MeshGraphEdgeKind.IMPORT]: ['color="gray40"'],
  [MeshGraphEdgeKind.CALL]: ['color="darkgreen"'],
  [MeshGraphEdgeKind.BLOCKED]: ['color="red"', 'fontcolor="red"', 'penwidth=2'],
  [MeshGraphEdgeKind.PASSTHROUGH]: ['color="orange"', 'fontcolor="orange"', 'style="dashed"'],
};

function nodeLine(node: MeshGraphNode, indent: string): string {
  return `${indent}${dotQuote(node.id)} [label=${dotQuote(node.label)}, shape=${SHAPES[node.kind]}];`;
}

function edgeLine(edge: MeshGraphEdge): string {
  const attributes = [...EDGE_ATTRIBUTES[edge.kind], ...(edge.label !== undefined ? [`label=${dotQuote(edge.label)}`] : [])];
  return `  ${dotQuote(edge.from)} -> ${dotQuote(edge.to)} [${attributes.join(', ')}];`;
}

/** `digraph mesh { ... }`: a cluster per namespace, blocked calls red, passed-through calls orange and dashed. */
export function toDot(graph: MeshGraph): string {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = ['digraph mesh {', '  rankdir=LR;', '  graph [fontname="Helvetica"];', '  node [fontname="Helvetica"];', '  edge [fontname="Helvetica"];'];
  for (const cluster of graph.clusters) {
    lines.push(`  subgraph ${dotQuote(`cluster_${cluster.namespace}`)} {`, `    label=${dotQuote(cluster.label)};`);
    for (const id of cluster.nodeIds) lines.push(nodeLine(byId.get(id)!, '    '));
    lines.push('  }');
  }
  for (const node of graph.nodes) if (node.namespace === undefined) lines.push(nodeLine(node, '  '));
  for (const edge of graph.edges) lines.push(edgeLine(edge));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
