import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const crdUnknownFields = schemaRule({
  id: 'S-CRD-UNKNOWN-FIELDS',
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
}, (problem) => {
  const where = `${problem.parentPath} has no field ${JSON.stringify(problem.field)} in the Sidecar CRD`;
  const effect = 'the API server drops it silently, or rejects the Sidecar under strict field validation';
  const known = problem.schema.type === 'object' ? Object.keys(problem.schema.fields) : [];
  const fix = problem.suggestion ? `did you mean ${JSON.stringify(problem.suggestion)}?` : `remove it (the fields known here are ${list(known)})`;
  return `${where}: ${effect}; ${fix}`;
});
