import { Construct } from 'constructs';
import { PropNames, SIDECAR_PATTERN_PROP_NAMES, checkPropNames, requireWorkloadSelector } from './construct-props';
import { MeshDefaultSidecar } from './mesh-default-sidecar';
import { Sidecar, SidecarPatternProps } from './sidecar';
import { WorkloadSelector } from './workload-selector';

/**
 * Properties of a `WorkloadSidecar`.
 */
export interface WorkloadSidecarProps extends SidecarPatternProps {
  /**
   * The pods this Sidecar applies to, in its own namespace: pods with given labels (the `of`
   * factory of `WorkloadSelector`), or the pods of a workload (its `fromWorkload` factory).
   *
   * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#WorkloadSelector
   */
  readonly workloadSelector: WorkloadSelector;
}

const WORKLOAD_SIDECAR_PROP_NAMES: PropNames<WorkloadSidecarProps> = { ...SIDECAR_PATTERN_PROP_NAMES, workloadSelector: true };

/**
 * A Sidecar for some workloads of a namespace, chosen by their pod labels.
 *
 * For the pods it selects, it takes precedence over the namespace's default Sidecar and the
 * mesh-wide default, and replaces them whole: nothing is merged. Two Sidecars whose selectors
 * match the same pod are undefined behaviour in Istio (in practice the oldest wins), which the
 * app validation reports. The selector only sees pods in the Sidecar's own namespace.
 *
 * ```ts
 * import { App, Chart } from 'cdk8s';
 * import { EgressHost, Endpoint, SidecarPort, WorkloadSelector, WorkloadSidecar } from 'cdk8s-istio-sidecar';
 *
 * const chart = new Chart(new App(), 'prod', { namespace: 'prod-us1' });
 * new WorkloadSidecar(chart, 'ratings', {
 *   metadata: { name: 'ratings' },
 *   workloadSelector: WorkloadSelector.of({ app: 'ratings' }),
 *   ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.unix('/var/run/someuds.sock') }],
 *   egress: [
 *     { port: SidecarPort.http(9080, 'egresshttp'), hosts: [EgressHost.namespace('prod-us1').allHosts()] },
 *     { hosts: [EgressHost.namespace('istio-system').allHosts()] },
 *   ],
 * });
 * ```
 *
 * renders
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: Sidecar
 * metadata:
 *   name: ratings
 *   namespace: prod-us1
 * spec:
 *   workloadSelector:
 *     labels:
 *       app: ratings
 *   ingress:
 *     - port: { number: 9080, protocol: HTTP, name: somename }
 *       defaultEndpoint: unix:///var/run/someuds.sock
 *   egress:
 *     - port: { number: 9080, protocol: HTTP, name: egresshttp }
 *       hosts: [prod-us1/*]
 *     - hosts: [istio-system/*]
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class WorkloadSidecar extends Sidecar {
  /**
   * @param scope the chart (or construct inside one) the Sidecar belongs to
   * @param id the construct id, unique within `scope`
   * @param props the pods it applies to, and its metadata, listeners and policies
   */
  public constructor(scope: Construct, id: string, props: WorkloadSidecarProps) {
    const path = `${scope.node.path}/${id}`;
    if (new.target === WorkloadSidecar) checkPropNames('WorkloadSidecar', path, props, WORKLOAD_SIDECAR_PROP_NAMES);
    super(scope, id, {
      ...props,
      workloadSelector: requireWorkloadSelector('WorkloadSidecar', path, props?.workloadSelector),
      egress: props.egress ?? [MeshDefaultSidecar.defaultEgress()],
    });
  }
}
