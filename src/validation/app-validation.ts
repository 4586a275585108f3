import { IConstruct, IValidation } from 'constructs';
import { collectManifests } from './collect';
import { withRenderMemo } from '../render-memo';
import { writeReport } from './report';
import { analyze, formatFinding, isBlocking } from '../analysis/engine';
import { Finding, Severity } from '../analysis/finding';
import { ANALYZED_KINDS } from '../analysis/snapshot';

/** The mesh settings validation reads at synth time (they may change until then). */
export interface AppValidationSettings {
  readonly rootNamespace: string;
  readonly clusterDomain: string;
  readonly failOnWarnings: boolean;
}

/** The cdk8s App methods that synthesize the whole app; we wrap them to validate once per call. */
interface SynthesizingApp {
  synth?: (...args: unknown[]) => unknown;
  synthYaml?: (...args: unknown[]) => unknown;
  outdir?: string;
}

/**
 * The cdk8s front door of the engine: renders every ApiObject of the app, runs every rule
 * once, and returns the blocking findings as validation errors.
 *
 * cdk8s validates the whole app once per chart plus once per `app.synth()`. The findings are
 * computed once per `app.synth()` / `app.synthYaml()` call (which this class wraps) and reused by
 * the other passes of that call; outside of them (e.g. `Testing.synth(chart)`) every call
 * computes afresh, so a later change to the app is never judged on stale results.
 */
export class AppValidation implements IValidation {
  private session?: { findings?: Finding[]; errors?: string[] };

  constructor(private readonly root: IConstruct, private readonly settings: () => AppValidationSettings) {
    const app = root as unknown as SynthesizingApp;
    this.wrap(app, 'synth', () => {
      if (this.session?.findings && app.outdir) writeReport(app.outdir, this.settings().rootNamespace, this.session.findings);
    });
    this.wrap(app, 'synthYaml', () => undefined);
  }

  public validate(): string[] {
    // cdk8s asks once per chart: within one synth the messages are formatted once too.
    if (this.session?.errors) return this.session.errors;
    const failOn = this.settings().failOnWarnings ? Severity.WARNING : Severity.ERROR;
    const errors = this.findings()
      .filter((f) => isBlocking(f, failOn))
      .map((f) => `[${f.location}] ${formatFinding(f)}`);
    if (this.session) this.session.errors = errors;
    return errors;
  }

  /** Every finding about the app as it is now, suppressed ones included. */
  public findings(): Finding[] {
    if (this.session?.findings) return this.session.findings;
    const { rootNamespace, clusterDomain } = this.settings();
    const findings = analyze(collectManifests(this.root, ANALYZED_KINDS), { rootNamespace, clusterDomain });
    this.printWarnings(findings);
    if (this.session) this.session.findings = findings;
    return findings;
  }

  private printWarnings(findings: readonly Finding[]): void {
    if (this.settings().failOnWarnings) return;
    const warnings = findings.filter((f) => f.severity === Severity.WARNING && f.suppressedReason === undefined);
    if (warnings.length === 0) return;
    const lines = warnings.map((f) => `  [${f.location}] ${formatFinding(f)}`);
    console.warn(
      `cdk8s-istio-sidecar: ${warnings.length} warning(s) (suppress one with RuleSuppressions.add(scope, ruleId, reason)):\n${lines.join('\n')}`,
    );
  }

  private wrap(app: SynthesizingApp, method: 'synth' | 'synthYaml', after: () => void): void {
    const original = app[method];
    if (typeof original !== 'function') return;
    app[method] = (...args: unknown[]) => {
      this.session = {};
      try {
        return withRenderMemo(() => original.apply(app, args));
      } finally {
        try {
          after();
        } finally {
          this.session = undefined;
        }
      }
    };
  }
}
