import { Rule } from '../rule';
import { CALL_RULES } from './calls';
import { CONNECTION_POOL_RULES } from './connection-pool';
import { EGRESS_RULES } from './egress';
import { HOST_RULES } from './hosts';
import { INGRESS_RULES } from './ingress';
import { MESH_RULES } from './mesh';
import { METADATA_RULES } from './metadata';
import { suppressAnnotationRule } from './metadata/s-suppress-annotation';
import { OUTBOUND_POLICY_RULES } from './outbound-policy';
import { PORTS_RULES } from './ports';
import { SELECTOR_RULES } from './selector';
import { TLS_RULES } from './tls';

/**
 * Every rule, in the order findings about one object are listed. Each group keeps its rules in
 * its own folder, one file per rule, and lists them in its index.
 */
export const RULES: readonly Rule[] = [
  ...METADATA_RULES,
  suppressAnnotationRule((id) => BY_ID.has(id)),
  ...SELECTOR_RULES,
  ...PORTS_RULES,
  ...INGRESS_RULES,
  ...TLS_RULES,
  ...CONNECTION_POOL_RULES,
  ...EGRESS_RULES,
  ...HOST_RULES,
  ...OUTBOUND_POLICY_RULES,
  ...MESH_RULES,
  ...CALL_RULES,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
