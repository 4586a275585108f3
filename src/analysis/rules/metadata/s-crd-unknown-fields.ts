import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarSpecProblems } from '../../schema/walker';
import { sidecarManifest } from '../support/example-manifests';

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const crdUnknownFields: SidecarRule = {
  id: 'S-CRD-UNKNOWN-FIELDS',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Every field under spec is one the Sidecar CRD defines',
  why: 'The API server silently drops fields the Sidecar CRD does not define (or rejects the Sidecar under strict field validation), so a misspelt field such as "hostz" never takes effect.',
  fix: 'Correct the field name (check its spelling and nesting level), or remove the field.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ egress: [{ hostz: ['./*'], hosts: ['istio-system/*'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['./*', 'istio-system/*'] }] })],
  },
  check(sidecar, report) {
    for (const problem of sidecarSpecProblems(sidecar.manifest.spec)) {
      if (problem.kind !== 'unknown-field' || problem.schema.type !== 'object') continue;
      const where = `${problem.parentPath} has no field ${JSON.stringify(problem.field)} in the Sidecar CRD`;
      const effect = 'the API server drops it silently, or rejects the Sidecar under strict field validation';
      const fix = problem.suggestion
        ? `did you mean ${JSON.stringify(problem.suggestion)}?`
        : `remove it (the fields known here are ${list(Object.keys(problem.schema.fields))})`;
      report(problem.path, `${where}: ${effect}; ${fix}`);
    }
  },
};
