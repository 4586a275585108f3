import { Rule } from './rule';

/**
 * The kinds of object a rule's findings can be about or name as involved: where a suppression
 * of the rule means something. A suppression annotation is written only on those.
 */
export function kindsConcernedBy(rule: Rule): readonly string[] {
  if (rule.scope === 'sidecar') return SIDECAR_ONLY;
  return rule.concerns ?? SIDECAR_ONLY;
}

const SIDECAR_ONLY: readonly string[] = ['Sidecar'];
