// Observed traffic, read from one of two exports, told apart by shape:
// - a Prometheus query result in its JSON API form (`/api/v1/query`), for
//   `sum by (source_workload, source_workload_namespace, destination_service, destination_service_namespace) (istio_requests_total)`
//   or the same over istio_tcp_connections_opened_total: `{"status":"success","data":{"resultType":"vector","result":[...]}}`;
// - a Kiali graph export (`/api/namespaces/graph`, cytoscape JSON): `elements.nodes[].data` and `elements.edges[].data`.
// Any field the reading needs that is missing or of the wrong type is an error naming the file and
// the field's path; nothing is guessed.

/** Where a call was seen going: a host (Prometheus' destination_service) or a Service of a namespace (a Kiali service node). */
export type ObservedDestination =
  | { readonly kind: 'host'; readonly host: string; readonly namespace?: string }
  | { readonly kind: 'service'; readonly service: string; readonly namespace: string }
  /** Somewhere the export cannot name as a host (a Kiali workload or app node): listed, never guessed. */
  | { readonly kind: 'other'; readonly description: string };

/** One observed call from a workload. */
export interface ObservedCall {
  readonly sourceWorkload: string;
  readonly sourceNamespace: string;
  readonly destination: ObservedDestination;
}

export interface ObservedTraffic {
  readonly format: 'prometheus' | 'kiali';
  readonly calls: readonly ObservedCall[];
  /** Edges or series that name no source workload (a Kiali app or unknown node): listed, never guessed. */
  readonly unattributed: readonly string[];
}

/** The traffic file does not have the shape of either export. */
export class TrafficShapeError extends Error {}

type Json = { [key: string]: unknown };

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

class Reader {
  constructor(private readonly file: string) {}

  public fail(path: string, problem: string): never {
    throw new TrafficShapeError(`${this.file}: ${path} ${problem}`);
  }

  public object(value: unknown, path: string): Json {
    if (value === undefined) this.fail(path, 'is missing');
    if (!isObject(value)) this.fail(path, `must be an object, not ${describe(value)}`);
    return value;
  }

  public array(value: unknown, path: string): unknown[] {
    if (value === undefined) this.fail(path, 'is missing');
    if (!Array.isArray(value)) this.fail(path, `must be an array, not ${describe(value)}`);
    return value;
  }

  public string(value: unknown, path: string): string {
    if (value === undefined) this.fail(path, 'is missing');
    if (typeof value !== 'string') this.fail(path, `must be a string, not ${describe(value)}`);
    if (value.trim() === '') this.fail(path, 'is empty');
    return value;
  }

  public optionalString(value: unknown, path: string): string | undefined {
    return value === undefined || value === '' ? undefined : this.string(value, path);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Reads a traffic export. `file` names it in messages.
 *
 * @throws TrafficShapeError when the text is not JSON or not one of the two exports
 */
export function parseTraffic(text: string, file: string): ObservedTraffic {
  const reader = new Reader(file);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TrafficShapeError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) return reader.fail('the top level', `must be an object, not ${describe(json)}`);
  const top: Json = json;
  if ('elements' in top) return kiali(reader, top);
  if ('data' in top || 'status' in top) return prometheus(reader, top);
  return reader.fail('the top level', 'is neither a Prometheus query result (status, data.result) nor a Kiali graph export (elements.nodes, elements.edges)');
}

function prometheus(reader: Reader, json: Json): ObservedTraffic {
  const status = reader.string(json.status, 'status');
  if (status !== 'success') {
    const error = typeof json.error === 'string' ? `: ${json.error}` : '';
    reader.fail('status', `is "${status}", not "success"${error}`);
  }
  const data = reader.object(json.data, 'data');
  const resultType = reader.string(data.resultType, 'data.resultType');
  if (resultType !== 'vector' && resultType !== 'matrix') reader.fail('data.resultType', `is "${resultType}": expected "vector" (an instant query) or "matrix"`);
  const calls: ObservedCall[] = [];
  reader.array(data.result, 'data.result').forEach((item, i) => {
    const at = `data.result[${i}]`;
    const series = reader.object(item, at);
    const metric = reader.object(series.metric, `${at}.metric`);
    const sourceWorkload = reader.string(metric.source_workload, `${at}.metric.source_workload`);
    const sourceNamespace = reader.string(metric.source_workload_namespace, `${at}.metric.source_workload_namespace`);
    const host = reader.string(metric.destination_service, `${at}.metric.destination_service`);
    const namespace = reader.optionalString(metric.destination_service_namespace, `${at}.metric.destination_service_namespace`);
    if (!observed(reader, series, at, resultType)) return;
    calls.push({ sourceWorkload, sourceNamespace, destination: { kind: 'host', host: host.toLowerCase(), ...(namespace && namespace !== 'unknown' ? { namespace } : {}) } });
  });
  return { format: 'prometheus', calls, unattributed: [] };
}

/** The series counts at least one request or connection (a zero is a series that saw none in the window). */
function observed(reader: Reader, series: Json, at: string, resultType: string): boolean {
  const samples = resultType === 'vector'
    ? [series.value === undefined ? reader.fail(`${at}.value`, 'is missing') : series.value]
    : reader.array(series.values, `${at}.values`);
  const path = (j: number) => (resultType === 'vector' ? `${at}.value` : `${at}.values[${j}]`);
  return samples.map((sample, j) => {
    const pair = reader.array(sample, path(j));
    if (pair.length !== 2) reader.fail(path(j), `must be [timestamp, "value"], not ${pair.length} item(s)`);
    const value = reader.string(pair[1], `${path(j)}[1]`);
    // Prometheus writes infinities as "+Inf" and "-Inf", which Number() does not read.
    const infinity = /^([+-]?)Inf$/.exec(value);
    const number = infinity ? (infinity[1] === '-' ? -Infinity : Infinity) : Number(value);
    if (Number.isNaN(number) && value !== 'NaN') reader.fail(`${path(j)}[1]`, `must be a number in a string, not ${JSON.stringify(value)}`);
    return number > 0;
  }).some((b) => b);
}

function kiali(reader: Reader, json: Json): ObservedTraffic {
  const elements = reader.object(json.elements, 'elements');
  const nodes = new Map<string, { data: Json; at: string }>();
  reader.array(elements.nodes, 'elements.nodes').forEach((item, i) => {
    const at = `elements.nodes[${i}].data`;
    const data = reader.object(reader.object(item, `elements.nodes[${i}]`).data, at);
    const id = reader.string(data.id, `${at}.id`);
    reader.string(data.nodeType, `${at}.nodeType`);
    nodes.set(id, { data, at });
  });
  const calls: ObservedCall[] = [];
  const unattributed: string[] = [];
  const edges = elements.edges === undefined ? [] : reader.array(elements.edges, 'elements.edges');
  edges.forEach((item, i) => {
    const at = `elements.edges[${i}].data`;
    const data = reader.object(reader.object(item, `elements.edges[${i}]`).data, at);
    const sourceId = reader.string(data.source, `${at}.source`);
    const targetId = reader.string(data.target, `${at}.target`);
    const source = nodes.get(sourceId) ?? reader.fail(`${at}.source`, `is "${sourceId}", which no node of elements.nodes has as its id`);
    const target = nodes.get(targetId) ?? reader.fail(`${at}.target`, `is "${targetId}", which no node of elements.nodes has as its id`);
    const sourceType = source.data.nodeType as string;
    if (sourceType !== 'workload') {
      unattributed.push(`${nodeName(source.data)} -> ${nodeName(target.data)}: the source is a Kiali ${sourceType} node, not a workload (export a workload graph: graphType=workload)`);
      return;
    }
    const sourceWorkload = reader.string(source.data.workload, `${source.at}.workload`);
    const sourceNamespace = reader.string(source.data.namespace, `${source.at}.namespace`);
    let destination: ObservedDestination;
    if (target.data.nodeType === 'service') {
      const service = reader.string(target.data.service, `${target.at}.service`);
      const namespace = reader.string(target.data.namespace, `${target.at}.namespace`);
      destination = { kind: 'service', service: service.toLowerCase(), namespace };
    } else {
      destination = { kind: 'other', description: `${nodeName(target.data)} (a Kiali ${target.data.nodeType} node, not a service: export the graph with injectServiceNodes=true)` };
    }
    calls.push({ sourceWorkload, sourceNamespace, destination });
  });
  return { format: 'kiali', calls, unattributed };
}

function nodeName(data: Json): string {
  const name = [data.workload, data.service, data.app, data.id].find((v) => typeof v === 'string' && v !== '');
  return typeof data.namespace === 'string' && data.namespace !== '' ? `${data.namespace}/${name}` : String(name);
}
