// Which kind of cdk8s validation pass is running, read off the call stack.
//
// cdk8s validates the whole app once at the start of `App.synth()` / `App.synthYaml()`, then
// once more for every chart it renders (`Chart.toJson()` validates the app before rendering a
// chart), and once for each `Testing.synth(chart)`. Between the passes of one whole-app synth
// only cdk8s runs, so nothing can change and one analysis serves them all; between any other
// two passes user code may run and change the app, so each must be judged afresh.
//
// Earlier versions wrapped `app.synth` on the App instance to mark the start and end of a synth.
// That fails wherever synth is not called through the instance property: the jsii kernel
// (Python, Java, Go, .NET) calls `App.prototype.synth` directly, and so does
// `App.prototype.synth.call(app)`. The stack does not depend on how the method was dispatched:
// cdk8s's own frames are there whoever called it. Where the stack cannot be read (a bundler
// renamed cdk8s's file), every pass counts as `standalone`: never stale, but the app is judged,
// and its warnings printed, once per chart plus once.

/** The kind of pass, for the app validation's cache. */
export enum SynthPass {
  /** The first pass of a whole-app synth: judge the app afresh and keep the result for the rest. */
  APP_START = 'app-start',
  /** A later pass of the same whole-app synth (a chart being rendered): reuse the result. */
  APP_CHART = 'app-chart',
  /** Any other pass (`Testing.synth(chart)`, `chart.toJson()`): judge afresh, keep nothing. */
  STANDALONE = 'standalone',
}

/** cdk8s's `App` module, wherever the package is installed (the jsii kernel unpacks it elsewhere). */
const CDK8S_APP_FILE = /[\\/]cdk8s[\\/]lib[\\/]app\.js$/;
const WHOLE_APP_SYNTHS: ReadonlySet<string> = new Set(['synth', 'synthYaml']);
const CHART_SYNTH = '_synthChart';
/** Deep enough for cdk8s's own frames below any reasonable nesting of user calls. */
const FRAMES = 64;

/** Classifies the validation pass that is calling (directly or through constructs' Node.validate). */
export function currentSynthPass(): SynthPass {
  // Only the innermost synth counts: a synth started while another app renders a chart (from a
  // Lazy, say) has the outer app's frames further out, which must not make it a later pass.
  const synths: string[] = [];
  for (const name of cdk8sAppFrames()) {
    if (WHOLE_APP_SYNTHS.has(name) || name === CHART_SYNTH) synths.push(name);
    if (synths.length === 2) break;
  }
  const [innermost, next] = synths;
  if (innermost === undefined) return SynthPass.STANDALONE;
  if (WHOLE_APP_SYNTHS.has(innermost)) return SynthPass.APP_START;
  return next !== undefined && WHOLE_APP_SYNTHS.has(next) ? SynthPass.APP_CHART : SynthPass.STANDALONE;
}

/**
 * The names of the frames of cdk8s's App module on the call stack, innermost first: each
 * function's own name, whatever property it was called through.
 */
export function cdk8sAppFrames(): string[] {
  return callSites(cdk8sAppFrames, FRAMES)
    .filter((site) => CDK8S_APP_FILE.test(site.getFileName() ?? ''))
    .map((site) => site.getFunctionName() ?? site.getMethodName() ?? '');
}

/**
 * Whether the running call of `fn` was made by cdk8s's App module itself (a synth writing its
 * output), not by user code, nor by a subclass's override that calls `fn` through `super`.
 */
export function calledByCdk8sApp(fn: Function): boolean {
  // One frame only, the caller's: this runs once per object rendered for the output.
  const caller = callSites(fn, 1)[0];
  return caller !== undefined && CDK8S_APP_FILE.test(caller.getFileName() ?? '');
}

/** The call sites of the callers of `below` (its own frame and those it called left out), innermost first, at most `limit`. */
function callSites(below: Function, limit: number): NodeJS.CallSite[] {
  const prepare = Error.prepareStackTrace;
  const stackLimit = Error.stackTraceLimit;
  // Structured frames instead of parsing text: source-map tools and other runtimes format the
  // text differently; the CallSite API is V8's own.
  Error.prepareStackTrace = (_error, sites) => sites;
  Error.stackTraceLimit = limit;
  try {
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, below);
    return Array.isArray(holder.stack) ? holder.stack as NodeJS.CallSite[] : [];
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = stackLimit;
  }
}
