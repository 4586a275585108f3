// A picture of the mesh, from the engine's reach model: namespaces as clusters, a node per
// workload with the Sidecar it gets and how, an edge to what each workload's proxy imports, and
// the declared calls the scope blocks or passes through. Pure: renderers (dot.ts, mermaid.ts)
// turn the graph into text.
import { scopesOf } from '../analysis/reach/reach-report';
import { meshScopes } from '../analysis/reach/workload-scope';
import { declaredCallOutcomes } from '../analysis/rules/support/declared-call-outcomes';
import { WorkloadSelection } from '../analysis/selection';
import { SelectionVia } from '../analysis/selection-via';
import { MeshSnapshot } from '../analysis/snapshot';
import { splitEgressHost } from '../analysis/syntax/egress-host';

/** What a node stands for. */
export enum MeshGraphNodeKind {
  /** One workload (Deployment, Pod, ...). */
  WORKLOAD = 'workload',
  /** The workloads of a namespace with more than `collapseAbove` of them, as one node. */
  WORKLOADS = 'workloads',
  /** Every host of one namespace, imported by a whole-namespace entry (`ns/*`, `./*`). */
  NAMESPACE = 'namespace',
  /** Every host of every namespace (`*\/*`, and the implicit listener). */
  ALL_NAMESPACES = 'all-namespaces',
  /** One host name of the registry. */
  HOST = 'host',
  /** The host nodes of a namespace with more than `collapseAbove` of them, as one node. */
  HOSTS = 'hosts',
}

/** What an edge stands for. */
export enum MeshGraphEdgeKind {
  /** The workload's proxy imports the target. */
  IMPORT = 'import',
  /** A declared call the scope serves through the mesh. */
  CALL = 'call',
  /** A declared call the scope does not serve (answer not reachable): drawn red. */
  BLOCKED = 'blocked',
  /** A declared call that leaves through the PassthroughCluster (ALLOW_ANY): drawn orange, dashed. */
  PASSTHROUGH = 'passthrough',
}

export interface MeshGraphNode {
  /** Stable and unique in the graph, e.g. `workload:prod/Deployment/client`. */
  readonly id: string;
  readonly kind: MeshGraphNodeKind;
  /** Lines of text, joined with "\n". */
  readonly label: string;
  /**
   * The namespace cluster the node is drawn in.
   * @default - none: drawn outside every cluster (all namespaces)
   */
  readonly namespace?: string;
}

export interface MeshGraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: MeshGraphEdgeKind;
  /**
   * e.g. the call's port.
   * @default - none
   */
  readonly label?: string;
}

export interface MeshGraphCluster {
  /** The namespace ('' for objects without one). */
  readonly namespace: string;
  /** The namespace, or `(no namespace)`. */
  readonly label: string;
  /** The ids of its nodes, in graph order. */
  readonly nodeIds: readonly string[];
}

/** The whole picture; every list is sorted, so one input always gives one graph. */
export interface MeshGraph {
  readonly clusters: readonly MeshGraphCluster[];
  /** Every node, clustered or not, sorted by namespace, kind, then id. */
  readonly nodes: readonly MeshGraphNode[];
  /** Sorted by source, target, kind, then label; no duplicates. */
  readonly edges: readonly MeshGraphEdge[];
}

export interface MeshGraphOptions {
  /**
   * A namespace with more workloads than this is drawn as one node "N workloads", and one with
   * more host nodes than this as one node "N hosts" (edges to it lose their port labels).
   * @default 20
   */
  readonly collapseAbove?: number;

  /**
   * Draw only this workload (`NS/NAME` or `NS/KIND/NAME`, as `reach --from` takes it), its
   * imports and its declared calls.
   *
   * @default - every workload
   */
  readonly from?: string;
}

export const DEFAULT_COLLAPSE_ABOVE = 20;

const ALL_NAMESPACES_ID = 'all-namespaces';
const KIND_ORDER: readonly MeshGraphNodeKind[] = [
  MeshGraphNodeKind.WORKLOADS, MeshGraphNodeKind.WORKLOAD, MeshGraphNodeKind.NAMESPACE,
  MeshGraphNodeKind.HOSTS, MeshGraphNodeKind.HOST, MeshGraphNodeKind.ALL_NAMESPACES,
];
const EDGE_ORDER: readonly MeshGraphEdgeKind[] = [
  MeshGraphEdgeKind.IMPORT, MeshGraphEdgeKind.CALL, MeshGraphEdgeKind.PASSTHROUGH, MeshGraphEdgeKind.BLOCKED,
];

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function workloadId(selection: WorkloadSelection): string {
  const ref = selection.workload.ref;
  return `workload:${ref.namespace ?? ''}/${ref.kind}/${ref.name}`;
}

/** The Sidecar a workload gets and how (`Sidecar ns/name (selector)`), or why none decides its calls. */
export function sidecarLine(selection: WorkloadSelection, proxied: boolean): string {
  if (!proxied) return 'no sidecar proxy';
  if (selection.via === SelectionVia.NOT_APPLICABLE) return 'gateway: no Sidecar applies';
  const sidecar = selection.sidecar?.ref;
  const name = sidecar ? `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name}` : 'no Sidecar';
  return `${name} (${selection.via})`;
}

/** Two edges with one key are one edge. */
function edgeKey(edge: MeshGraphEdge): string {
  return JSON.stringify([edge.from, edge.to, edge.kind, edge.label ?? '']);
}

/** Above the threshold, a namespace's host nodes become one: the picture stays legible however many services a mesh has. */
function collapseHosts(nodes: Map<string, MeshGraphNode>, edges: Map<string, MeshGraphEdge>, collapseAbove: number): void {
  const hostsPerNamespace = new Map<string, MeshGraphNode[]>();
  for (const node of nodes.values()) {
    if (node.kind !== MeshGraphNodeKind.HOST) continue;
    const list = hostsPerNamespace.get(node.namespace ?? '');
    if (list) list.push(node);
    else hostsPerNamespace.set(node.namespace ?? '', [node]);
  }
  const collapsedTo = new Map<string, string>();
  for (const [namespace, hosts] of hostsPerNamespace) {
    if (hosts.length <= collapseAbove) continue;
    const id = `hosts:${namespace}`;
    nodes.set(id, { id, kind: MeshGraphNodeKind.HOSTS, label: `${hosts.length} hosts`, namespace });
    for (const host of hosts) {
      nodes.delete(host.id);
      collapsedTo.set(host.id, id);
    }
  }
  if (collapsedTo.size === 0) return;
  const all = [...edges.values()];
  edges.clear();
  for (const edge of all) {
    const to = collapsedTo.get(edge.to);
    const kept: MeshGraphEdge = to === undefined ? edge : { from: edge.from, to, kind: edge.kind };
    edges.set(edgeKey(kept), kept);
  }
}

/** The graph of `mesh`: what each workload's proxy imports, and its declared calls the scope blocks or passes through. */
export function meshGraph(mesh: MeshSnapshot, options: MeshGraphOptions = {}): MeshGraph {
  const collapseAbove = options.collapseAbove ?? DEFAULT_COLLAPSE_ABOVE;
  // scopesOf names the workload or says why it cannot (ReachQueryError), as reach --from does.
  const { scopes, unproxied } = options.from === undefined ? meshScopes(mesh) : { scopes: scopesOf(mesh, options.from), unproxied: [] };
  const nodes = new Map<string, MeshGraphNode>();
  const edges = new Map<string, MeshGraphEdge>();
  const addNode = (node: MeshGraphNode) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    return node.id;
  };
  const addEdge = (edge: MeshGraphEdge) => {
    edges.set(edgeKey(edge), edge);
  };

  // Workloads, collapsed per namespace above the threshold.
  const workloads = [
    ...scopes.map((scope) => ({ selection: scope.selection, proxied: true })),
    ...unproxied.map((selection) => ({ selection, proxied: false })),
  ];
  const perNamespace = new Map<string, number>();
  for (const { selection } of workloads) {
    const ns = selection.workload.ref.namespace ?? '';
    perNamespace.set(ns, (perNamespace.get(ns) ?? 0) + 1);
  }
  const sourceOf = new Map<WorkloadSelection, string>();
  for (const { selection, proxied } of workloads) {
    const ref = selection.workload.ref;
    const namespace = ref.namespace ?? '';
    const count = perNamespace.get(namespace) ?? 0;
    const id = count > collapseAbove
      ? addNode({ id: `workloads:${namespace}`, kind: MeshGraphNodeKind.WORKLOADS, label: `${count} workloads`, namespace })
      : addNode({ id: workloadId(selection), kind: MeshGraphNodeKind.WORKLOAD, label: `${ref.kind} ${ref.name}\n${sidecarLine(selection, proxied)}`, namespace });
    sourceOf.set(selection, id);
  }

  const hostNode = (host: string, namespace: string) =>
    addNode({ id: `host:${namespace}/${host}`, kind: MeshGraphNodeKind.HOST, label: host, namespace });

  // Imports: a whole-namespace entry as one node for the namespace, else the host.
  for (const scope of scopes) {
    const from = sourceOf.get(scope.selection)!;
    for (const listener of scope.listeners) {
      for (const scoped of listener.hosts.values()) {
        const definitionNamespace = scoped.definition.source.ref.namespace ?? '';
        const parts = splitEgressHost(scoped.importedBy);
        let to: string;
        if (parts?.dnsName === '*' && parts.namespace === '*') {
          to = addNode({ id: ALL_NAMESPACES_ID, kind: MeshGraphNodeKind.ALL_NAMESPACES, label: 'all namespaces' });
        } else if (parts?.dnsName === '*') {
          const ns = parts.namespace === '.' ? scope.namespace : parts.namespace;
          to = addNode({ id: `namespace:${ns}`, kind: MeshGraphNodeKind.NAMESPACE, label: `${ns}/*`, namespace: ns });
        } else {
          to = hostNode(scoped.host, definitionNamespace);
        }
        addEdge({ from, to, kind: MeshGraphEdgeKind.IMPORT });
      }
    }
  }

  // Declared calls of a host the input defines (the undefined-host rule reports the others).
  for (const outcome of declaredCallOutcomes(mesh)) {
    const answer = outcome.answer;
    const from = sourceOf.get(outcome.scope.selection);
    if (!answer || from === undefined) continue;
    const definition = answer.scoped?.definition ?? answer.definitions[0];
    const to = hostNode(outcome.call.host, definition?.source.ref.namespace ?? '');
    const kind = !answer.reachable ? MeshGraphEdgeKind.BLOCKED
      : answer.passthrough ? MeshGraphEdgeKind.PASSTHROUGH : MeshGraphEdgeKind.CALL;
    const port = outcome.call.entry.port;
    addEdge({ from, to, kind, ...(port !== undefined ? { label: `:${port}` } : {}) });
  }

  collapseHosts(nodes, edges, collapseAbove);

  const sortedNodes = [...nodes.values()].sort((a, b) =>
    compare(a.namespace ?? '\uffff', b.namespace ?? '\uffff') || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.id, b.id));
  const clusters: MeshGraphCluster[] = [];
  for (const node of sortedNodes) {
    if (node.namespace === undefined) continue;
    let cluster = clusters[clusters.length - 1];
    if (!cluster || cluster.namespace !== node.namespace) {
      cluster = { namespace: node.namespace, label: node.namespace || '(no namespace)', nodeIds: [] };
      clusters.push(cluster);
    }
    (cluster.nodeIds as string[]).push(node.id);
  }
  const sortedEdges = [...edges.values()].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to)
    || EDGE_ORDER.indexOf(a.kind) - EDGE_ORDER.indexOf(b.kind) || compare(a.label ?? '', b.label ?? ''));
  return { clusters, nodes: sortedNodes, edges: sortedEdges };
}
