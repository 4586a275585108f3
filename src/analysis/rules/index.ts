import { Rule } from '../rule';
import { DEFAULT_MAX_SCOPE_HOSTS, RulePack } from '../rule-pack';
import { CALL_RULES } from './calls';
import { CONNECTION_POOL_RULES } from './connection-pool';
import { EGRESS_RULES } from './egress';
import { HOST_RULES } from './hosts';
import { INGRESS_RULES } from './ingress';
import { LEAST_PRIVILEGE_RULES, leastPrivilegeRules } from './least-privilege';
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

/** The rules of the opt-in packs (off by default), pack by pack; RULES holds none of them. */
export const PACK_RULES: readonly Rule[] = [...LEAST_PRIVILEGE_RULES];

export { LEAST_PRIVILEGE_RULES };

/** Options of the pack rules that take one. */
export interface PackRuleOptions {
  /** P-SCOPE-SIZE's threshold. */
  readonly maxScopeHosts?: number;
}

/** The rules of a run with `packs` on: RULES, then each pack's rules. */
export function rulesFor(packs: readonly RulePack[], options: PackRuleOptions = {}): readonly Rule[] {
  if (packs.length === 0) return RULES;
  const rules = [...RULES];
  if (packs.includes(RulePack.LEAST_PRIVILEGE)) rules.push(...leastPrivilegeRules(options.maxScopeHosts ?? DEFAULT_MAX_SCOPE_HOSTS));
  return rules;
}

const BY_ID = new Map([...RULES, ...PACK_RULES].map((rule) => [rule.id, rule]));

/** The registered rule with this id, pack rules included. */
export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
