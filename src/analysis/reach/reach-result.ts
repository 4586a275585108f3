// The public shapes of the reach model: what `MeshAnalysis.reach` and `canReach` return.
import { ResourceRef } from '../finding';
import { OutboundTrafficPolicyMode } from '../outbound-traffic-policy-mode';

/** One host name a workload's proxy is configured for. */
export interface ReachableHost {
  /** e.g. `reviews.bookinfo.svc.cluster.local`, or a ServiceEntry host such as `*.example.com`. */
  readonly host: string;
  /** The namespace of the definition istiod chose (it keeps one per host name). */
  readonly namespace: string;
  /** `Service` or `ServiceEntry`. */
  readonly kind: string;
  /** The ports the proxy has for it, ascending. */
  readonly ports: number[];
}

/** What one workload's proxy can reach. */
export interface WorkloadReach {
  /** The Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob. */
  readonly workload: ResourceRef;
  /**
   * The Sidecar that applies.
   * @default - none: istiod's default scope (every service exported to the namespace)
   */
  readonly sidecar?: ResourceRef;
  /** What the proxy does with calls outside its scope. */
  readonly outboundTrafficPolicy: OutboundTrafficPolicyMode;
  /** Where the policy comes from, e.g. `its outboundTrafficPolicy`, or Istio's default. */
  readonly outboundTrafficPolicySource: string;
  /** Every host name in the scope, sorted by name. */
  readonly hosts: ReachableHost[];
  /** How many host names the workload's namespace can see in all (the scope is `hosts.length` of these). */
  readonly visibleHosts: number;
}

/** The listener and egress host that serve a call. */
export interface ReachVia {
  /**
   * The Sidecar.
   * @default - none: istiod's default scope
   */
  readonly sidecar?: ResourceRef;
  /** The listener's field path, e.g. `spec.egress[1]`, or `implicit` for the catch-all of a Sidecar without egress (or of no Sidecar). */
  readonly listener: string;
  /** The egress host entry that imports the call's host, as written, e.g. `bookinfo/*`. */
  readonly host: string;
}

/** Whether one workload can reach one host (and port), and why. */
export interface ReachResult {
  readonly from: ResourceRef;
  /** The host as the registry names it (short Service names resolved from the caller's namespace). */
  readonly host: string;
  /**
   * The port.
   * @default - any port of the host
   */
  readonly port?: number;
  /** The call arrives: through the scope, or passed through under ALLOW_ANY (see `passthrough`). */
  readonly reachable: boolean;
  /** The call leaves through the PassthroughCluster (ALLOW_ANY): it arrives, but without mesh routing, policy or mTLS. */
  readonly passthrough: boolean;
  /**
   * How the scope serves it.
   * @default - the scope does not serve it
   */
  readonly via?: ReachVia;
  /** Why, with the fix when the call is not served: the egress host to add and on which listener. */
  readonly reason: string;
}
