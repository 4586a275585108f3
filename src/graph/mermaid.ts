// Mermaid source for a mesh graph (renders in GitHub Markdown inside a ```mermaid block).
import { MeshGraph, MeshGraphEdge, MeshGraphEdgeKind, MeshGraphNode } from './mesh-graph';

/** Text for a quoted Mermaid label: quotes and markup as entity codes, line breaks as `<br/>`. */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/\r?\n/g, '<br/>');
}

const LINK_STYLES: Partial<Record<MeshGraphEdgeKind, string>> = {
  [MeshGraphEdgeKind.IMPORT]: 'stroke:gray',
  [MeshGraphEdgeKind.CALL]: 'stroke:green',
  [MeshGraphEdgeKind.BLOCKED]: 'stroke:red,stroke-width:2px',
  [MeshGraphEdgeKind.PASSTHROUGH]: 'stroke:orange',
};

function nodeLine(node: MeshGraphNode, id: string, indent: string): string {
  return `${indent}${id}["${mermaidText(node.label)}"]`;
}

function edgeLine(edge: MeshGraphEdge, ids: ReadonlyMap<string, string>): string {
  const arrow = edge.kind === MeshGraphEdgeKind.PASSTHROUGH ? '-.->' : '-->';
  const label = edge.label !== undefined ? `|"${mermaidText(edge.label)}"|` : '';
  return `  ${ids.get(edge.from)} ${arrow}${label} ${ids.get(edge.to)}`;
}

/** `flowchart LR`: a subgraph per namespace; `linkStyle N stroke:red` for blocked calls, orange dotted for passed-through ones. */
export function toMermaid(graph: MeshGraph): string {
  // Mermaid ids must be plain words: nodes are numbered in graph order.
  const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = ['flowchart LR'];
  graph.clusters.forEach((cluster, i) => {
    lines.push(`  subgraph c${i}["${mermaidText(cluster.label)}"]`);
    for (const id of cluster.nodeIds) lines.push(nodeLine(byId.get(id)!, ids.get(id)!, '    '));
    lines.push('  end');
  });
  for (const node of graph.nodes) if (node.namespace === undefined) lines.push(nodeLine(node, ids.get(node.id)!, '  '));
  for (const edge of graph.edges) lines.push(edgeLine(edge, ids));
  graph.edges.forEach((edge, i) => {
    const style = LINK_STYLES[edge.kind];
    if (style) lines.push(`  linkStyle ${i} ${style}`);
  });
  return `${lines.join('\n')}\n`;
}
