import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { ANALYZED_KINDS } from '../../snapshot';
import { SUPPRESS_ANNOTATION, readSuppressAnnotation } from '../../suppression-annotation';
import { sidecarManifest } from '../support/example-manifests';

const PATH = `metadata.annotations[${JSON.stringify(SUPPRESS_ANNOTATION)}]`;
const FORM = '{"<RULE-ID>": "<reason of at least 10 characters>"}';

/**
 * The rule, given how to tell a registered rule id: the registry builds it with its own lookup,
 * so that this file need not import the registry that lists it.
 */
export function suppressAnnotationRule(isRegistered: (ruleId: string) => boolean): MeshRule {
  return {
    id: 'S-SUPPRESS-ANNOTATION',
    scope: 'mesh',
    severity: Severity.ERROR,
    title: `The ${SUPPRESS_ANNOTATION} annotation names known rules, each with a reason`,
    why: 'A suppression that cannot be read, or that names a rule that does not exist, silently suppresses nothing while looking as if it did.',
    fix: `Write the annotation as a JSON object from rule id to reason, ${FORM}, with ids from docs/RULES.md.`,
    references: [],
    sources: [RuleSource.OWN],
    registryAssumption: 'None: it reads each object\'s annotation alone. Independent of the registry setting.',
    examples: {
      failing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { name: 'default', annotations: { [SUPPRESS_ANNOTATION]: '{"S-NO-SUCH-RULE": "we know what we are doing"}' } })],
      passing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { name: 'legacy', annotations: { [SUPPRESS_ANNOTATION]: '{"S-NAME-DEFAULT": "legacy name kept until the namespace migrates"}' } })],
    },
    // Linear: one look at each object's annotations.
    check(mesh, report) {
      // Only the kinds every front door reads (the app renders no others): all three then agree.
      for (const resource of mesh.resources) {
        if (!ANALYZED_KINDS.has(resource.ref.kind)) continue;
        const read = readSuppressAnnotation(resource.manifest);
        if (!read) continue;
        if ('problem' in read) {
          report(resource, `the ${SUPPRESS_ANNOTATION} annotation cannot be read: ${read.problem}; write it as ${FORM}`, { path: PATH });
          continue;
        }
        for (const { ruleId } of read.suppressions) {
          if (!isRegistered(ruleId)) {
            report(resource, `the ${SUPPRESS_ANNOTATION} annotation suppresses "${ruleId}", which is not a rule; use an id from docs/RULES.md`, { path: PATH });
          }
        }
      }
    },
  };
}
