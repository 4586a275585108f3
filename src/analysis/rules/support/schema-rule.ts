// Rules that report what the CRD schema says, read from the one walk of each Sidecar's spec
// (schema/walker.ts): the model names the rule that owns each problem, the rule only words it.
import { RuleDocs, SidecarReport, SidecarRule } from '../../rule';
import { SchemaProblem } from '../../schema/walker';
import { sidecarView } from '../../sidecar-view';
import { SidecarResource } from '../../snapshot';

/** Where a finding goes (default: the problem's path) and what it says. */
export interface SchemaFinding {
  readonly path?: string;
  readonly message: string;
}

export type DescribeSchemaProblem = (problem: SchemaProblem) => string | SchemaFinding;

/** Reports every schema problem of the Sidecar that the model gives to `ruleId`, in walk order. */
export function reportSchemaProblems(sidecar: SidecarResource, ruleId: string, describe: DescribeSchemaProblem, report: SidecarReport): void {
  for (const problem of sidecarView(sidecar).schemaProblemsOf(ruleId)) {
    const finding = describe(problem);
    if (typeof finding === 'string') report(problem.path, finding);
    else report(finding.path ?? problem.path, finding.message);
  }
}

/** A rule that reports exactly the schema problems the model gives it. */
export function schemaRule(docs: RuleDocs, describe: DescribeSchemaProblem): SidecarRule {
  return {
    ...docs,
    scope: 'sidecar',
    check(sidecar, report) {
      reportSchemaProblems(sidecar, docs.id, describe, report);
    },
  };
}

/** The listener a path is in, e.g. `spec.egress[2].port.number` -> egress listener 2. */
export function listenerOfPath(path: string): { readonly direction: 'ingress' | 'egress'; readonly index: number } | undefined {
  const match = /^spec\.(ingress|egress)\[(\d+)\]/.exec(path);
  return match ? { direction: match[1] as 'ingress' | 'egress', index: Number(match[2]) } : undefined;
}
