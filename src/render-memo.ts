import { ApiObject } from 'cdk8s';
import { calledByCdk8sApp } from './validation/synth-pass';

// While the app validation collects the app, nothing in it changes, yet the same objects are
// rendered several times: a workload Sidecar renders its Deployment to read pod labels, and the
// validation renders every object it judges. Within one collection, each object renders once.
// The memo never outlives the collection: user code may change the app right after it.
let memo: WeakMap<ApiObject, unknown> | undefined;

/** Runs `collect` with rendering memoized (nested calls share the outer memo). */
export function withRenderMemo<T>(collect: () => T): T {
  const outer = memo;
  memo = outer ?? new WeakMap();
  try {
    return collect();
  } finally {
    memo = outer;
  }
}

/** `render()` of `apiObject`, computed once per collection; outside one, computed every time. */
export function renderMemoized(apiObject: ApiObject, render: () => any): any {
  if (!memo) return render();
  if (memo.has(apiObject)) return memo.get(apiObject);
  const rendered = render();
  memo.set(apiObject, rendered);
  return rendered;
}

// A whole-app synth renders every object twice: once when it is judged, at the start, and once
// more for the output, chart by chart. Between the two only cdk8s runs (the premise of the app
// validation's cache, see validation/synth-pass.ts), so the render judged is the render written,
// and rendering it again doubled the rendering cost of this library's objects (a workload
// Sidecar also renders its Deployment again to read the pod labels).
//
// So the judging pass keeps its renders of this library's own objects, and each object's
// toJson() hands its own over once, and only to cdk8s's App module: the output renders each
// object once, so by the end of a synth none is left. A synth that stops part way (a Lazy that
// throws, a file that cannot be written) may leave some, but no one else can take them, and the
// next validation pass of any kind drops them: every path by which cdk8s's App module renders an
// object validates first. A change made after a synth is always rendered afresh.
let kept: Map<ApiObject, unknown> | undefined;

/** Keeps `renders` for the output of the whole-app synth whose judging pass made them. */
export function keepRendersForOutput(renders: Map<ApiObject, unknown>): void {
  kept = renders.size > 0 ? renders : undefined;
}

/** Forgets the kept renders: a pass that judges afresh may follow a change to the app. */
export function dropKeptRenders(): void {
  kept = undefined;
}

/**
 * The render kept for `apiObject`, handed over once, when `toJson` (the object's, running now)
 * was called by cdk8s's App module; otherwise undefined.
 */
export function takeKeptRender(apiObject: ApiObject, toJson: Function): unknown {
  if (kept === undefined || memo !== undefined || !kept.has(apiObject) || !calledByCdk8sApp(toJson)) return undefined;
  const render = kept.get(apiObject);
  kept.delete(apiObject);
  return render;
}
