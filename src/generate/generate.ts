// From observed traffic to least-privilege Sidecars: each call's source is matched to a workload
// of the manifests by name and namespace, its destination to a Service or ServiceEntry of the
// manifests, and each workload gets one Sidecar whose catch-all listener imports exactly those
// hosts and the control plane. What cannot be matched is listed, never guessed. Pure: the same
// input gives the same output, sorted.
import * as jsYaml from 'js-yaml';
import { ALWAYS_IMPORTED, egressHostFor, egressHostList } from './egress-plan';
import { ObservedCall, ObservedTraffic } from './traffic';
import { ManifestEntry, objectAt } from '../analysis/manifest';
import { definitionsOf } from '../analysis/reach/reach-answer';
import { MeshOptions, MeshSnapshot, WorkloadResource } from '../analysis/snapshot';

/** One generated Sidecar. */
export interface GeneratedSidecar {
  readonly name: string;
  readonly namespace: string;
  /** The workload it is for, e.g. `Deployment shop/frontend`. */
  readonly workload: string;
  readonly labels: { readonly [key: string]: string };
  /** The egress hosts of its catch-all listener: the calls sorted, then the always-imported ones. */
  readonly hosts: readonly string[];
}

export interface GeneratedSidecars {
  readonly sidecars: readonly GeneratedSidecar[];
  /** What was left out and why, sorted, one line each. */
  readonly notes: readonly string[];
}

/** The Sidecars the observed calls call for, against the manifests. */
export function generateSidecars(traffic: ObservedTraffic, entries: readonly ManifestEntry[], options: MeshOptions = {}): GeneratedSidecars {
  const mesh = new MeshSnapshot(entries, options);
  const byName = new Map<string, WorkloadResource[]>();
  for (const workload of mesh.workloads) {
    const key = `${workload.ref.namespace ?? ''}/${workload.ref.name}`;
    byName.set(key, [...(byName.get(key) ?? []), workload]);
  }
  const notes = new Set<string>(traffic.unattributed.map((line) => `not attributed to a workload: ${line}`));
  const hostsOf = new Map<WorkloadResource, Set<string>>();
  for (const call of traffic.calls) {
    const source = `${call.sourceNamespace}/${call.sourceWorkload}`;
    const found = byName.get(source) ?? [];
    if (found.length !== 1) {
      notes.add(found.length === 0
        ? `unknown workload ${source}: no workload of that name and namespace in PATH; its calls are left out`
        : `ambiguous workload ${source}: ${found.map((w) => w.ref.kind).sort().join(' and ')} of that name in PATH; its calls are left out`);
      continue;
    }
    const workload = found[0];
    const host = destinationHost(mesh, call);
    const entry = host === undefined ? undefined : egressHostFor(mesh, call.sourceNamespace, host);
    if (entry === undefined) {
      notes.add(`unknown destination ${describeDestination(call)} (called by ${source}): no Service or ServiceEntry in PATH defines it; left out`);
      continue;
    }
    let hosts = hostsOf.get(workload);
    if (!hosts) hostsOf.set(workload, hosts = new Set());
    hosts.add(entry);
  }
  const sidecars: GeneratedSidecar[] = [];
  for (const [workload, hosts] of hostsOf) {
    const labels = selectorLabels(workload);
    const name = `${workload.ref.namespace}/${workload.ref.name}`;
    if (!labels) {
      notes.add(`workload ${name} has no pod labels to select it by; no Sidecar generated`);
      continue;
    }
    sidecars.push({
      name: workload.ref.name, namespace: workload.ref.namespace ?? '', workload: `${workload.ref.kind} ${name}`, labels, hosts: egressHostList(hosts, ALWAYS_IMPORTED),
    });
  }
  sidecars.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return { sidecars, notes: [...notes].sort() };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The registry name of the destination, when the manifests define it. */
function destinationHost(mesh: MeshSnapshot, call: ObservedCall): string | undefined {
  const destination = call.destination;
  if (destination.kind === 'other') return undefined;
  const candidates = destination.kind === 'host'
    ? [destination.host]
    // A Kiali service node names a Kubernetes Service, or a ServiceEntry by its host.
    : [`${destination.service}.${destination.namespace}.svc.${mesh.clusterDomain}`, destination.service];
  return candidates.find((host) => definitionsOf(mesh, host).length > 0);
}

function describeDestination(call: ObservedCall): string {
  const d = call.destination;
  if (d.kind === 'host') return d.host;
  if (d.kind === 'service') return `service ${d.namespace}/${d.service}`;
  return d.description;
}

/** The labels a selector for the workload's pods uses: its `spec.selector.matchLabels`, else its pod labels. */
function selectorLabels(workload: WorkloadResource): { [key: string]: string } | undefined {
  const match = objectAt(objectAt(objectAt(workload.manifest, 'spec'), 'selector'), 'matchLabels');
  const labels = match && Object.keys(match).length > 0 ? match : workload.pod.labels;
  if (!labels || Object.keys(labels).length === 0) return undefined;
  const result: { [key: string]: string } = {};
  for (const key of Object.keys(labels).sort()) result[key] = String((labels as { [key: string]: unknown })[key]);
  return result;
}

/** The Sidecars as Kubernetes objects. */
export function sidecarManifests(generated: GeneratedSidecars): object[] {
  return generated.sidecars.map((s) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: s.name, namespace: s.namespace },
    spec: { workloadSelector: { labels: { ...s.labels } }, egress: [{ hosts: [...s.hosts] }] },
  }));
}

function header(generated: GeneratedSidecars, source: string, comment: string): string[] {
  return [
    `${comment} Generated by cdk8s-istio-sidecar generate from ${source.replace(/[\r\n\u2028\u2029]/g, ' ')}: one Sidecar per workload with observed calls,`,
    `${comment} importing exactly the hosts it was seen calling and ${ALWAYS_IMPORTED.join(', ')}.`,
    // Names come from the traffic file: a line break in one must not end the comment.
    ...(generated.notes.length > 0 ? [`${comment} Left out:`, ...generated.notes.map((note) => `${comment}   ${note.replace(/[\r\n\u2028\u2029]/g, ' ')}`)] : []),
  ];
}

/** The Sidecars as YAML documents, what was left out as comments at the top. */
export function renderYaml(generated: GeneratedSidecars, source: string): string {
  const docs = sidecarManifests(generated).map((m) => jsYaml.dump(m, { noRefs: true, lineWidth: -1, quotingType: '"' }).trimEnd());
  return [...header(generated, source, '#'), ...docs.map((doc) => `---\n${doc}`)].join('\n');
}

/**
 * The Sidecars as a construct of this library's `WorkloadSidecar`s, to keep as code.
 *
 * @param importFrom the module specifier of this library
 */
export function renderTypeScript(generated: GeneratedSidecars, source: string, importFrom: string = 'cdk8s-istio-sidecar'): string {
  const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'`;
  const key = (text: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text) ? text : q(text));
  const lines = [
    ...header(generated, source, '//'),
    'import { Construct } from \'constructs\';',
    `import { EgressHost, WorkloadSelector, WorkloadSidecar } from ${q(importFrom)};`,
    '',
    '/** Least-privilege Sidecars from observed traffic. Add it to a chart: `new ObservedSidecars(chart, \'observed-sidecars\')`. */',
    'export class ObservedSidecars extends Construct {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
  ];
  for (const s of generated.sidecars) {
    const labels = Object.entries(s.labels).map(([k, v]) => `${key(k)}: ${q(v)}`).join(', ');
    lines.push(
      `    // ${s.workload}`,
      `    new WorkloadSidecar(this, ${q(`${s.namespace}.${s.name}`)}, {`,
      `      metadata: { name: ${q(s.name)}, namespace: ${q(s.namespace)} },`,
      `      workloadSelector: WorkloadSelector.of({ ${labels} }),`,
      '      egress: [{',
      '        hosts: [',
      ...s.hosts.map((h) => `          ${egressHostCode(h, q)},`),
      '        ],',
      '      }],',
      '    });',
    );
  }
  lines.push('  }', '}');
  return lines.join('\n');
}

function egressHostCode(host: string, q: (text: string) => string): string {
  const slash = host.indexOf('/');
  const namespace = host.slice(0, slash);
  const dnsName = host.slice(slash + 1);
  return dnsName === '*' ? `EgressHost.namespace(${q(namespace)}).allHosts()` : `EgressHost.namespace(${q(namespace)}).host(${q(dnsName)})`;
}
