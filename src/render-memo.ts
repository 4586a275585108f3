import { ApiObject } from 'cdk8s';

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
