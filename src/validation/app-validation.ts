import { IConstruct, IValidation } from 'constructs';
import { collectManifests } from './collect';
import { writeReport } from './report';
import { annotateSuppressions } from './suppress-annotation-writer';
import { SynthPass, currentSynthPass } from './synth-pass';
import { formatFinding } from '../analysis/engine';
import { Finding, Severity } from '../analysis/finding';
import { RunResult, RunSettings, runAnalysis } from '../analysis/run';
import { ANALYZED_KINDS } from '../analysis/snapshot';

/** What the app validation reads at synth time (the mesh's settings may change until then). */
export interface AppValidationSettings {
  readonly run: RunSettings;
  /** Print no warnings at synth. */
  readonly quiet: boolean;
  /** Where to write the JSON report of each synth; undefined: write none. */
  readonly reportFile?: string;
}

/**
 * The cdk8s front door of the engine: renders every ApiObject of the app the engine reads, runs
 * every rule once, and returns the blocking findings as validation errors.
 *
 * cdk8s calls `validate()` once at the start of a whole-app synth and again before rendering
 * each chart; the first pass judges the app and the others of the same synth reuse its result
 * (see synth-pass.ts for how a pass is told apart, whoever called synth). Every other pass
 * judges afresh, so a change to the app is never judged on stale results.
 */
export class AppValidation implements IValidation {
  /** The errors of the whole-app synth under way, for its later passes. */
  private session?: { readonly errors: string[] };

  constructor(private readonly root: IConstruct, private readonly settings: () => AppValidationSettings) {}

  public validate(): string[] {
    const pass = currentSynthPass();
    if (pass === SynthPass.APP_CHART && this.session) return this.session.errors;
    const settings = this.settings();
    const collected = collectManifests(this.root, ANALYZED_KINDS);
    // Before cdk8s renders the output, so the synthesized YAML carries what synth suppressed.
    collected.apiObjects.forEach((apiObject, i) => annotateSuppressions(apiObject, collected.entries[i].manifest));
    const result = runAnalysis(collected.entries, settings.run);
    if (settings.reportFile !== undefined) writeReport(settings.reportFile, result);
    if (!settings.quiet) printWarnings(result);
    const errors = result.blocking.map((f) => `[${f.location}] ${formatFinding(f)}`);
    this.session = pass === SynthPass.STANDALONE ? undefined : { errors };
    return errors;
  }

  /** Every finding about the app as it renders now, suppressed ones included. Changes nothing, prints nothing. */
  public findings(): Finding[] {
    const { entries } = collectManifests(this.root, ANALYZED_KINDS);
    return [...runAnalysis(entries, this.settings().run).findings];
  }
}

/** The warnings that do not fail synth, in one write so that they stay together in the log. */
function printWarnings(result: RunResult): void {
  if (result.settings.failOn !== Severity.ERROR) return;
  const warnings = result.findings.filter((f) => f.severity === Severity.WARNING && f.suppressedReason === undefined);
  if (warnings.length === 0) return;
  const lines = warnings.map((f) => `  [${f.location}] ${formatFinding(f)}`);
  process.stderr.write(
    `cdk8s-istio-sidecar: ${warnings.length} warning(s) (suppress one with RuleSuppressions.add(scope, ruleId, reason); `
    + `silence them with IstioMesh.configure(app, { quiet: true }) or CDK8S_ISTIO_SIDECAR_QUIET=1):\n${lines.join('\n')}\n`,
  );
}
