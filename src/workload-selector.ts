import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { labelKeyProblem, labelValueProblem } from './analysis/syntax';
import { podMetadataOf } from './analysis/workloads';
import { renderMemoized } from './render-memo';

// Kinds the engine does not know (e.g. a CRD's workload) are read at the usual template path.
const TEMPLATE_LABEL_PATH = ['spec', 'template', 'metadata', 'labels'];
const LABEL_PLACES = 'spec.selector.matchLabels, spec.template.metadata.labels, spec.jobTemplate.spec.template.metadata.labels (CronJob) or metadata.labels (Pod)';

/**
 * The pods a Sidecar applies to, by their labels. A pod is selected when it carries every
 * label of the selector with the same value.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#WorkloadSelector
 */
export class WorkloadSelector {
  /**
   * Pods carrying all of `labels`, e.g. the label `app` with the value `ratings`.
   *
   * At least one label is required: to apply a Sidecar to a whole namespace, leave its
   * `workloadSelector` out (an empty selector is not the same thing to Istio).
   *
   * @param labels the labels, at least one
   */
  public static of(labels: { [key: string]: string }): WorkloadSelector {
    const entries = Object.entries(labels);
    if (entries.length === 0) {
      throw new Error('Invalid workload selector {}: expected at least one label, e.g. { app: "ratings" }; to apply a Sidecar to a whole namespace, omit workloadSelector');
    }
    for (const [key, value] of entries) {
      const keyProblem = labelKeyProblem(key);
      if (keyProblem) throw new Error(`Invalid workload selector label key "${key}": ${keyProblem}`);
      if (typeof value !== 'string') {
        throw new Error(`Invalid workload selector label value for "${key}": expected a string, got ${JSON.stringify(value)}`);
      }
      const valueProblem = labelValueProblem(value);
      if (valueProblem) throw new Error(`Invalid workload selector label value "${value}" for "${key}": ${valueProblem}`);
    }
    const copy = { ...labels };
    return new WorkloadSelector(() => copy);
  }

  /**
   * The pods of `workload`: a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or
   * Pod, from cdk8s-plus, an imported class or a raw `ApiObject`.
   *
   * The labels are read when the app is synthesized, from the rendered object: its
   * `spec.selector.matchLabels`, else the labels of its pod template (a Pod's own labels).
   *
   * @param workload the workload construct, or a construct containing it
   */
  public static fromWorkload(workload: IConstruct): WorkloadSelector {
    return new WorkloadSelector(() => readPodLabels(workload), workload);
  }

  private constructor(
    private readonly produceLabels: () => { [key: string]: string },
    private readonly workload?: IConstruct,
  ) {}

  /**
   * For a selector from the `fromWorkload` factory: the workload object's construct path and
   * namespace (undefined when it sets none), so the Sidecar it meets can check that the pods
   * are in its own namespace. Undefined for a selector of labels, or a workload not found yet.
   *
   * @internal
   */
  public _workloadNamespace(): { readonly path: string; readonly namespace?: string } | undefined {
    const apiObject = this.workload ? findApiObject(this.workload) : undefined;
    return apiObject ? { path: apiObject.node.path, namespace: apiObject.metadata.namespace } : undefined;
  }

  /** The labels pods must carry. For a selector from the `fromWorkload` factory, read from the workload as it renders now. */
  public get labels(): { [key: string]: string } {
    return { ...this.produceLabels() };
  }

  /**
   * The selector as it appears in the Sidecar or ServiceEntry spec: `{ labels: { ... } }`.
   *
   * @internal
   */
  public _toIstio(): { [key: string]: unknown } {
    return { labels: this.labels };
  }

  /** e.g. `app=ratings,version=v1`. */
  public toString(): string {
    return Object.entries(this.labels).map(([key, value]) => `${key}=${value}`).join(',');
  }
}

function findApiObject(workload: IConstruct): ApiObject | undefined {
  if (ApiObject.isApiObject(workload)) return workload;
  const resource = workload.node.tryFindChild('Resource');
  if (resource && ApiObject.isApiObject(resource)) return resource;
  return workload.node.findAll().find(ApiObject.isApiObject);
}

function readPodLabels(workload: IConstruct): { [key: string]: string } {
  const apiObject = findApiObject(workload);
  if (!apiObject) {
    throw new Error(`Cannot select the pods of "${workload.node.path}": it is not an ApiObject and contains none; pass a workload such as a Deployment or a Pod`);
  }
  const json = renderMemoized(apiObject, () => apiObject.toJson());
  const kind: string = json.kind;
  // The same places the engine reads pod labels from (analysis/workloads.ts), after matchLabels.
  const podLabels = podMetadataOf(json)?.labels;
  const labels = pick(json, ['spec', 'selector', 'matchLabels'])
    ?? (podLabels && Object.keys(podLabels).length > 0 ? { ...podLabels } : undefined)
    ?? pick(json, TEMPLATE_LABEL_PATH);
  if (!labels) {
    throw new Error(`Cannot select the pods of ${kind} "${apiObject.node.path}": it has no pod labels at ${LABEL_PLACES}; add labels to its pods`);
  }
  return labels;
}

/** A non-empty label map at `path`, or undefined. */
function pick(json: any, path: string[]): { [key: string]: string } | undefined {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[key];
  }
  if (value === null || typeof value !== 'object' || Object.keys(value).length === 0) return undefined;
  return value;
}
