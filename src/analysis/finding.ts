/** How serious a finding is. */
export enum Severity {
  /** Istio would reject the resource, or it cannot work as written. Fails synth and lint. */
  ERROR = 'error',
  /** Istio accepts the resource, but it probably does not do what was meant. */
  WARNING = 'warning',
  /** Worth knowing; never fails anything. */
  INFO = 'info',
}

/** Identifies one Kubernetes object. */
export interface ResourceRef {
  /** `apiVersion` as written (empty when missing). */
  readonly apiVersion: string;
  /** `kind` as written (empty when missing). */
  readonly kind: string;
  /**
   * `metadata.namespace`.
   * @default - not set: kubectl decides at apply time
   */
  readonly namespace?: string;
  /** `metadata.name` (empty when missing). */
  readonly name: string;
}

/** One problem the analysis engine found. */
export interface Finding {
  /** The stable id of the rule that found it, e.g. `S-HOST-FORMAT`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** What is wrong, quoting the bad value, and how to fix it. */
  readonly message: string;
  /** The object the finding is about. */
  readonly resource: ResourceRef;
  /**
   * Where in the object, e.g. `spec.egress[0].hosts[1]`; empty for the object as a whole.
   */
  readonly path: string;
  /** The istioctl analyze (ISTnnnn) and Kiali (KIAnnnn) codes this finding corresponds to. */
  readonly references: string[];
  /**
   * Where the object came from: a construct path, or a file name.
   * @default - unknown
   */
  readonly location?: string;
  /**
   * Other objects involved (for findings across objects), e.g. the second Sidecar of a pair.
   * @default - none
   */
  readonly related?: RelatedResource[];
  /**
   * The reason given when this finding was suppressed. A suppressed finding fails nothing.
   * @default - not suppressed
   */
  readonly suppressedReason?: string;
}

/** Another object involved in a finding. */
export interface RelatedResource {
  readonly resource: ResourceRef;
  /**
   * Where the object came from.
   * @default - unknown
   */
  readonly location?: string;
}
