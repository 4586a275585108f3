// What happens to each call a workload declares, judged once per snapshot for the three rules
// that report on it (undefined host, outside the scope, passed through).
import { DeclaredCall, declaredCallItems, declaredCalls } from '../../reach/declared-calls';
import { ReachAnswer, answer, definitionsOf } from '../../reach/reach-answer';
import { WorkloadScope, meshScopes } from '../../reach/workload-scope';
import { MeshSnapshot } from '../../snapshot';
import { formatCall } from '../../syntax/call';
import { WORKLOAD_KINDS } from '../../workloads';

/** The kinds a declared-call finding is about or names: where its suppressions mean something. */
export const CALL_CONCERNS: readonly string[] = [...WORKLOAD_KINDS, 'Sidecar', 'Service', 'ServiceEntry'];

export interface CallOutcome {
  readonly scope: WorkloadScope;
  readonly call: DeclaredCall;
  /** Undefined when no Service or ServiceEntry of the input defines the host. */
  readonly answer?: ReachAnswer;
}

const outcomes = new WeakMap<MeshSnapshot, readonly CallOutcome[]>();

/** Every declared call of every workload that runs a proxy, in input order. */
export function declaredCallOutcomes(mesh: MeshSnapshot): readonly CallOutcome[] {
  const cached = outcomes.get(mesh);
  if (cached) return cached;
  const result: CallOutcome[] = [];
  // Scopes are built only for an input that declares calls: lint pays nothing for the rules otherwise.
  if (!mesh.workloads.some((w) => declaredCallItems(w).length > 0)) {
    outcomes.set(mesh, result);
    return result;
  }
  for (const scope of meshScopes(mesh).scopes) {
    for (const call of declaredCalls(mesh, scope.selection.workload)) {
      const defined = definitionsOf(mesh, call.host).length > 0;
      result.push({ scope, call, ...(defined ? { answer: answer(mesh, scope, call.host, call.entry.port) } : {}) });
    }
  }
  outcomes.set(mesh, result);
  return result;
}

/** `declared call "reviews.bookinfo:9080"` (resolved to its registry name when that differs). */
export function describeCall(call: DeclaredCall): string {
  const written = formatCall(call.entry);
  const resolved = call.entry.port === undefined ? call.host : `${call.host}:${call.entry.port}`;
  return written === resolved ? `declared call "${written}"` : `declared call "${written}" (${resolved})`;
}
