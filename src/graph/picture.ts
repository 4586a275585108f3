// The picture of a mesh in each format it is drawn in, for every front door: the CLI's graph
// command and the app's graphFile setting call this one function, so they never draw two
// different pictures of one input.
import { toDot } from './dot';
import { ScopeRow, toHtml } from './html';
import { toMermaid } from './mermaid';
import { MeshGraphOptions, meshGraph, sidecarLine } from './mesh-graph';
import { PictureFormat } from './picture-format';
import { renderSvg } from './svg';
import { Finding, ResourceRef } from '../analysis/finding';
import { ManifestEntry, shortRef } from '../analysis/manifest';
import { scopesOf, workloadReachOf } from '../analysis/reach/reach-report';
import { WorkloadScope, meshScopes } from '../analysis/reach/workload-scope';
import { RunResult, RunSettings, runAnalysis, summarize } from '../analysis/run';
import { MeshSnapshot } from '../analysis/snapshot';
import { toolInfo } from '../tool-info';

export interface PictureInput {
  readonly entries: readonly ManifestEntry[];
  readonly settings: RunSettings;
  /** The analysis of these entries with these settings, when the caller has it already (synth). */
  readonly result?: RunResult;
}

export interface PictureOptions extends MeshGraphOptions {
  readonly format: PictureFormat;
  /** The HTML page's title. */
  readonly title?: string;
}

/** The picture of the input's mesh in `options.format`. */
export function drawMesh(input: PictureInput, options: PictureOptions): string {
  const mesh = new MeshSnapshot(input.entries, input.settings);
  const graph = meshGraph(mesh, options);
  if (options.format === 'mermaid') return toMermaid(graph);
  const dot = toDot(graph);
  if (options.format === 'dot') return dot;
  const svg = renderSvg(dot);
  if (options.format === 'svg') return svg;
  const result = input.result ?? runAnalysis(input.entries, input.settings);
  // With --from, the one workload's scope; the graph above looked it up the same way.
  const focus = options.from === undefined ? undefined : scopesOf(mesh, options.from);
  const findings = focus === undefined ? result.findings : findingsAbout(result.findings, focus);
  return toHtml({
    title: options.title ?? 'The mesh, as configured',
    svg,
    findings,
    summary: focus === undefined ? result.summary : summarize(findings),
    scopes: scopeRows(mesh, focus),
    tool: toolInfo(),
  });
}

/** With --from: the findings about the workload drawn and the Sidecar it gets. */
function findingsAbout(findings: readonly Finding[], scopes: readonly WorkloadScope[]): Finding[] {
  const refs = scopes.flatMap((scope) => [scope.selection.workload.ref, ...(scope.sidecar ? [scope.sidecar.ref] : [])]);
  const same = (a: ResourceRef, b: ResourceRef) =>
    a.kind === b.kind && a.namespace === b.namespace && a.name === b.name && a.apiVersion === b.apiVersion;
  return findings.filter((finding) => refs.some((ref) => same(ref, finding.resource)));
}

/** Each workload's scope (or only those of `focus`) as the HTML lists it, sorted by kind, namespace and name. */
function scopeRows(mesh: MeshSnapshot, focus?: readonly WorkloadScope[]): ScopeRow[] {
  const rows: ScopeRow[] = (focus ?? meshScopes(mesh).scopes).map((scope) => {
    const reach = workloadReachOf(scope);
    return {
      workload: shortRef(scope.selection.workload.ref),
      sidecar: sidecarLine(scope.selection, true),
      outbound: `${reach.outboundTrafficPolicy} (${reach.outboundTrafficPolicySource})`,
      hosts: reach.hosts.map((h) => (h.ports.length > 0 ? `${h.host} (${h.ports.join(', ')})` : h.host)),
      visibleHosts: reach.visibleHosts,
    };
  });
  if (focus === undefined) {
    for (const selection of meshScopes(mesh).unproxied) {
      rows.push({ workload: shortRef(selection.workload.ref), sidecar: `no sidecar proxy: ${selection.reason}`, outbound: '-', hosts: [], visibleHosts: 0 });
    }
  }
  return rows.sort((a, b) => (a.workload < b.workload ? -1 : a.workload > b.workload ? 1 : 0));
}
