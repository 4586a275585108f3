import { ApiObject } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { collectManifests } from './collect';
import { GRAPH_FILE_ENV, QUIET_ENV } from './environment';
import { writeOutput, writeReport } from './report';
import { annotateSuppressions } from './suppress-annotation-writer';
import { SynthPass, currentSynthPass } from './synth-pass';
import { formatLocatedFinding } from '../analysis/engine';
import { Finding, Severity } from '../analysis/finding';
import { ManifestEntry } from '../analysis/manifest';
import { MESH_CONFIG_MAP, MeshConfigError, withMeshConfig } from '../analysis/mesh-config';
import { RunResult, RunSettings, runAnalysis } from '../analysis/run';
import { ANALYZED_KINDS } from '../analysis/snapshot';
import type * as Picture from '../graph/picture';
import { PICTURE_EXTENSIONS, pictureFormatOfFile } from '../graph/picture-format';
import { IstioObject } from '../istio-object';
import { dropKeptRenders, keepRendersForOutput } from '../render-memo';

/** What the engine reads, and Istio's mesh config when the app holds it (as the CLI and plugin read it). */
const judged = (apiObject: ApiObject) => ANALYZED_KINDS.has(apiObject.kind) || (apiObject.kind === 'ConfigMap' && apiObject.name === MESH_CONFIG_MAP);

/** What the app validation reads at synth time (the mesh's settings may change until then). */
export interface AppValidationSettings {
  readonly run: RunSettings;
  /** The root namespace was configured, so it wins over the app's mesh config ConfigMap. */
  readonly rootNamespaceGiven: boolean;
  /** Print no warnings at synth. */
  readonly quiet: boolean;
  /** Where to write the JSON report of each synth; undefined: write none. */
  readonly reportFile?: string;
  /** Where to write the picture of the mesh at each synth, in the format its extension names; undefined: draw none. */
  readonly graphFile?: string;
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
    dropKeptRenders();
    const settings = this.settings();
    const collected = collectManifests(this.root, judged);
    // This library's objects as judged, for the output of this synth (only a whole-app synth
    // writes every chart after this pass): the same render, unless the suppress annotation was
    // just written into it.
    const renders = new Map<ApiObject, unknown>();
    collected.apiObjects.forEach((apiObject, i) => {
      // Before cdk8s renders the output, so the synthesized YAML carries what synth suppressed.
      const annotated = annotateSuppressions(apiObject, collected.entries[i]);
      if (pass === SynthPass.APP_START && !annotated && apiObject instanceof IstioObject) renders.set(apiObject, collected.entries[i].manifest);
    });
    let errors: string[];
    try {
      const run = this.runSettings(settings, collected.entries);
      const result = runAnalysis(collected.entries, run);
      if (settings.reportFile !== undefined) writeReport(settings.reportFile, result);
      if (!settings.quiet) printWarnings(result);
      errors = result.blocking.map(formatLocatedFinding);
      // Drawn whatever the findings: a picture of a broken mesh is the one people most need.
      if (settings.graphFile !== undefined) {
        const graphProblem = writeGraph(settings.graphFile, { entries: collected.entries, settings: run, result });
        if (graphProblem !== undefined) errors.push(graphProblem);
      }
    } catch (error) {
      if (!(error instanceof MeshConfigError)) throw error;
      errors = [error.message];
    }
    this.session = pass === SynthPass.STANDALONE ? undefined : { errors };
    // An error stops the synth before any output. A standalone pass (Testing.synth(chart)) renders
    // one chart, and would leave the renders of the others kept, so it kept none.
    if (errors.length === 0) keepRendersForOutput(renders);
    return errors;
  }

  /** Every finding about the app as it renders now, suppressed ones included. Changes nothing, prints nothing. */
  public findings(): Finding[] {
    const { entries } = collectManifests(this.root, judged);
    return [...runAnalysis(entries, this.runSettings(this.settings(), entries)).findings];
  }

  /** The mesh's settings, with what the app's `istio` ConfigMap says where the app did not configure it. */
  private runSettings(settings: AppValidationSettings, entries: readonly ManifestEntry[]): RunSettings {
    return withMeshConfig(settings.run, entries, settings.rootNamespaceGiven, 'IstioMesh.configure(): rootNamespace');
  }
}

/**
 * Draws the picture into `file`, in the format its name asks for, or says why it cannot:
 * IstioMesh checks its own setting when it is made, but the environment's is first read here.
 */
function writeGraph(file: string, input: Picture.PictureInput): string | undefined {
  const format = pictureFormatOfFile(file);
  if (format === undefined) {
    return `${GRAPH_FILE_ENV}="${file}" does not say the picture's format by its extension: end it with ${PICTURE_EXTENSIONS.join(', ')}`;
  }
  // Loaded only when asked for: most synths draw no picture.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { drawMesh } = require('../graph/picture') as typeof Picture;
  try {
    writeOutput(file, drawMesh(input, { format }));
  } catch (error) {
    // A picture that cannot be drawn or written fails synth with words, never a stack trace.
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return `cannot draw the picture of the mesh into graphFile "${file}": ${reason}`;
  }
  return undefined;
}

/** The warnings that do not fail synth, in one write so that they stay together in the log. */
function printWarnings(result: RunResult): void {
  if (result.settings.failOn !== Severity.ERROR) return;
  const warnings = result.findings.filter((f) => f.severity === Severity.WARNING && f.suppressedReason === undefined);
  if (warnings.length === 0) return;
  const lines = warnings.map((f) => `  ${formatLocatedFinding(f)}`);
  process.stderr.write(
    `cdk8s-istio-sidecar: ${warnings.length} warning(s) (suppress one with RuleSuppressions.add and a reason; `
    + `silence them with the IstioMesh quiet setting or ${QUIET_ENV}=1):\n${lines.join('\n')}\n`,
  );
}
