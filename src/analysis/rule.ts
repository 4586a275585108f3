import { Severity } from './finding';
import { RulePack } from './rule-pack';
import { MeshSnapshot, SidecarResource, AnyResource } from './snapshot';

/** Which layer of Istio (or which tool) the rule mirrors. */
export enum RuleSource {
  /** Istio's validating admission webhook rejects it (`kubectl apply` fails). */
  WEBHOOK = 'Istio validating webhook',
  /** Istio's validating webhook accepts it with a warning. */
  WEBHOOK_WARNING = 'Istio validating webhook (warning)',
  /** The Kubernetes API server rejects it because of the Sidecar CRD's schema. */
  CRD = 'Sidecar CRD schema',
  /** `istioctl analyze` reports it. */
  ANALYZER = 'istioctl analyze',
  /** Kiali reports it. */
  KIALI = 'Kiali',
  /** Nothing in Istio checks it: it is how istiod behaves, and we warn about the trap. */
  SEMANTICS = 'istiod behaviour',
  /** Our own, stricter recommendation. */
  OWN = 'cdk8s-istio-sidecar',
}

/** What every rule documents about itself; RULES.md is generated from it. */
export interface RuleDocs {
  /** Stable id, never reused: suppressions and reports name it. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what is checked. */
  readonly title: string;
  /** Why it matters: what goes wrong in the cluster. */
  readonly why: string;
  /** How to fix it, in one line. */
  readonly fix: string;
  /** The istioctl analyze (ISTnnnn) and Kiali (KIAnnnn) codes it corresponds to. */
  readonly references: readonly string[];
  /** The Istio layers or tools it mirrors, first the one that decides its severity. */
  readonly sources: readonly RuleSource[];
  /** The opt-in pack the rule belongs to; undefined: the rule always runs. */
  readonly pack?: RulePack;
  /** Manifests for RULES.md; the registry test checks them against the rule. */
  readonly examples: {
    /** The rule reports on these. */
    readonly failing: readonly unknown[];
    /** The rule is silent on these. */
    readonly passing: readonly unknown[];
  };
}

/**
 * Reports one finding of the running rule about the Sidecar being checked; `severity` when this
 * one finding is less (or more) serious than the rule's default.
 */
export type SidecarReport = (path: string, message: string, severity?: Severity) => void;

/** A rule about one Sidecar on its own (what the webhook and CRD schema check). */
export interface SidecarRule extends RuleDocs {
  readonly scope: 'sidecar';
  check(sidecar: SidecarResource, report: SidecarReport, mesh: MeshSnapshot): void;
}

/** Options of one cross-object finding. */
export interface MeshReportOptions {
  /** Where in the subject, e.g. `spec.workloadSelector`. */
  readonly path?: string;
  /** Other objects involved. */
  readonly related?: readonly AnyResource[];
  /** When this one finding is less (or more) serious than the rule's default. */
  readonly severity?: Severity;
}

/** Reports one finding of the running rule about `subject`. */
export type MeshReport = (subject: AnyResource, message: string, options?: MeshReportOptions) => void;

/** A rule across objects (what istioctl analyze and Kiali check, and our own app-wide rules). */
export interface MeshRule extends RuleDocs {
  readonly scope: 'mesh';
  /**
   * The kinds of object its findings are about or name as involved: where a suppression of the
   * rule can mean something, so where its suppress annotation is written. Default: Sidecar.
   */
  readonly concerns?: readonly string[];
  /**
   * What the rule assumes about the service registry and the workloads the input holds: whether
   * "not in the input" counts as "not in the cluster", and under which `registry` setting
   * (`partial` or `complete`). RULES.md prints it for every rule across objects.
   */
  readonly registryAssumption: string;
  /**
   * True when the rule gives each object involved its own finding (the others in `related`),
   * as istioctl analyze and Kiali do for conflicting Sidecars: a suppression on the subject then
   * silences only that finding. Default: the rule reports a problem once, and a suppression of
   * the rule on any object involved covers it.
   */
  readonly reportsEachSubject?: boolean;
  check(mesh: MeshSnapshot, report: MeshReport): void;
}

export type Rule = SidecarRule | MeshRule;
