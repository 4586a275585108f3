import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CALLS_ANNOTATION, CALL_FORM, formatCall, parseCallEntry } from './analysis/syntax/call';
import { WORKLOAD_KINDS } from './analysis/workloads';

/**
 * The calls a workload declares, written into its `cdk8s-istio-sidecar.io/calls` annotation
 * (a comma-separated list of `host[:port]` entries) on the workload object's metadata.
 *
 * Synth (and the CLI and the cdk8s-cli plugin, which read the same annotation) checks every
 * declared call against the Sidecar that applies to the workload: a call to a host the Sidecar's
 * egress does not import, or to a host the registry does not define, is a finding.
 *
 * Entries keep the order they were added in; an entry already in the annotation (written by
 * hand in the object's metadata, or added before) is not added again. Every entry is checked
 * as it is added, with the grammar the engine reads the annotation with.
 *
 * @example
 * import { ApiObject, Chart } from 'cdk8s';
 * import { WorkloadCalls } from 'cdk8s-istio-sidecar';
 *
 * declare const chart: Chart;
 * const web = new ApiObject(chart, 'web', { apiVersion: 'apps/v1', kind: 'Deployment' });
 * const reviews = new ApiObject(chart, 'reviews', { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'bookinfo' } });
 * const calls = WorkloadCalls.of(web);
 * calls.toService(reviews, 9080);
 * calls.toHost('api.example.com', 443);
 */
export class WorkloadCalls extends Construct {
  /** The annotation the calls are written in: `cdk8s-istio-sidecar.io/calls`. */
  public static readonly ANNOTATION = CALLS_ANNOTATION;

  /**
   * The declared calls of `workload`, the same instance every time for the same object.
   *
   * The instance is a child construct (with a fixed id) of the workload's ApiObject, as cdk8s and
   * the CDK keep per-construct helpers: it lives and dies with the object, `of(deployment)` and
   * `of(ApiObject.of(deployment))` return the same one, and it needs no module-level state, so
   * two copies of this package share it. It keeps nothing but the annotation itself.
   *
   * @param workload a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob: a
   * cdk8s-plus workload, a `Kube*` object or an `ApiObject`, or any construct whose
   * `ApiObject.of()` is one
   * @throws if `workload` is not a Kubernetes object, or not one of the workload kinds
   */
  public static of(workload: IConstruct): WorkloadCalls {
    const apiObject = apiObjectOf(workload);
    if (!apiObject) {
      throw new Error(
        `Cannot declare the calls of "${workload.node.path}": it is not a Kubernetes object and has no ApiObject child; `
        + `pass a workload (${WORKLOAD_KIND_LIST}), such as a cdk8s-plus Deployment or a KubeDeployment`,
      );
    }
    if (!WORKLOAD_KINDS.has(apiObject.kind)) {
      throw new Error(
        `Cannot declare the calls of "${workload.node.path}": it is a ${apiObject.kind}, not a workload; `
        + `pass the object whose pods make the calls (${WORKLOAD_KIND_LIST})`,
      );
    }
    const existing = apiObject.node.tryFindChild(WORKLOAD_CALLS_ID);
    return existing ? (existing as WorkloadCalls) : new WorkloadCalls(apiObject, WORKLOAD_CALLS_ID);
  }

  private readonly workload: ApiObject;

  private constructor(workload: ApiObject, id: string) {
    super(workload, id);
    this.workload = workload;
  }

  /**
   * The entries of the annotation, in order: those written by hand first, then those added here.
   */
  public get entries(): string[] {
    return this.currentEntries();
  }

  /**
   * Declares a call to a Service: writes `name.namespace[:port]`, or `name[:port]` when the
   * Service has no namespace.
   *
   * @param service a cdk8s-plus Service, a `KubeService` or an `ApiObject` of kind Service
   * @param port the port called, from 1 to 65535; leave it out for a call on any port
   * @throws if `service` is not a Service, or `port` is not a port number
   */
  public toService(service: IConstruct, port?: number): void {
    const apiObject = apiObjectOf(service);
    if (!apiObject || apiObject.kind !== 'Service') {
      const found = apiObject ? `it is a ${apiObject.kind}` : 'it is not a Kubernetes object';
      throw new Error(
        `Cannot declare a call from "${this.workloadPath}" to "${service.node.path}": ${found}, not a Service; `
        + 'pass a cdk8s-plus Service, a KubeService or an ApiObject of kind Service, or call toHost() with the host name',
      );
    }
    const { name, namespace } = apiObject.metadata;
    this.add(namespace ? `${name}.${namespace}` : `${name}`, port);
  }

  /**
   * Declares a call to a host: a Service (`reviews` in the workload's namespace,
   * `reviews.bookinfo`, `reviews.bookinfo.svc.cluster.local`) or an external host
   * (`api.example.com`).
   *
   * @param host the host called, without a port and without a wildcard
   * @param port the port called, from 1 to 65535; leave it out for a call on any port
   * @throws if `host` is not a DNS name, or `port` is not a port number
   */
  public toHost(host: string, port?: number): void {
    if (typeof host !== 'string') {
      throw new Error(`Cannot declare a call from "${this.workloadPath}" to ${JSON.stringify(host)}: the host must be a string; write ${CALL_FORM}`);
    }
    if (host.includes(':')) {
      throw new Error(
        `Cannot declare a call from "${this.workloadPath}" to ${JSON.stringify(host)}: the host has a colon; `
        + `give the port as the second argument (toHost("reviews.bookinfo", 9080)); write ${CALL_FORM}`,
      );
    }
    this.add(host, port);
  }

  private add(host: string, port: number | undefined): void {
    if (port !== undefined && port !== null && typeof port !== 'number') {
      throw new Error(`Cannot declare a call from "${this.workloadPath}" to "${host}" on port ${JSON.stringify(port)}: the port must be a number; write ${CALL_FORM}`);
    }
    const text = port === undefined || port === null ? host : `${host}:${port}`;
    const read = parseCallEntry(text);
    if ('problem' in read) {
      throw new Error(`Cannot declare a call from "${this.workloadPath}" to ${JSON.stringify(text)}: ${read.problem}; write ${CALL_FORM}`);
    }
    const entry = formatCall(read.call);
    const entries = this.currentEntries();
    if (entries.some((existing) => entryKey(existing) === entry)) return;
    this.workload.metadata.addAnnotation(CALLS_ANNOTATION, [...entries, entry].join(','));
  }

  /** The annotation's entries as the object's metadata holds them now, empty items left out. */
  private currentEntries(): string[] {
    const value: unknown = this.workload.metadata.toJson().annotations?.[CALLS_ANNOTATION];
    if (typeof value !== 'string') return [];
    return value.split(',').map((text) => text.trim()).filter((text) => text.length > 0);
  }

  /** The path people know the workload by: an L2 construct's, not that of its "Resource" child. */
  private get workloadPath(): string {
    const parent = this.workload.node.scope;
    if (this.workload.node.id === 'Resource' && parent && !Chart.isChart(parent)) return parent.node.path;
    return this.workload.node.path;
  }
}

/** Fixed, so that `of()` finds the instance again (also one made by another copy of this package). */
const WORKLOAD_CALLS_ID = 'IstioSidecarCalls';

const WORKLOAD_KIND_LIST = [...WORKLOAD_KINDS].join(', ');

/** The object `construct` is or stands for (`ApiObject.of`), or undefined when there is none. */
function apiObjectOf(construct: IConstruct): ApiObject | undefined {
  try {
    return ApiObject.of(construct);
  } catch {
    return undefined;
  }
}

/**
 * How an entry compares for duplicates: as the engine reads it (lower-cased, no trailing dot),
 * or as written when it does not parse (a hand-written entry the X-CALL-SYNTAX rule reports).
 */
function entryKey(text: string): string {
  const read = parseCallEntry(text);
  return 'call' in read ? formatCall(read.call) : text;
}
