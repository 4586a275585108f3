import { Rule } from '../rule';
import { HOST_RULES } from './hosts';
import { METADATA_RULES } from './metadata';

/**
 * Every rule, in the order findings about one object are listed. Each group keeps its rules in
 * its own folder, one file per rule, and lists them in its index.
 */
export const RULES: readonly Rule[] = [
  ...METADATA_RULES,
  ...HOST_RULES,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
