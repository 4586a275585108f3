import { ApiObject } from 'cdk8s';

// While one `app.synth()` runs nothing in the app changes, yet the same objects are rendered
// several times: a workload Sidecar renders its Deployment to read pod labels, and the app-wide
// validation renders every object it judges. Inside a synth, each object renders once.
let memo: WeakMap<ApiObject, unknown> | undefined;

/** Runs `synth` with rendering memoized (nested calls share the outer memo). */
export function withRenderMemo<T>(synth: () => T): T {
  const outer = memo;
  memo = outer ?? new WeakMap();
  try {
    return synth();
  } finally {
    memo = outer;
  }
}

/** `render()` of `apiObject`, computed once per synth; outside a synth, computed every time. */
export function renderMemoized(apiObject: ApiObject, render: () => any): any {
  if (!memo) return render();
  if (memo.has(apiObject)) return memo.get(apiObject);
  const rendered = render();
  memo.set(apiObject, rendered);
  return rendered;
}
