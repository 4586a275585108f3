import { allowAny } from './p-allow-any';
import { callWideImport } from './p-call-wide-import';
import { noMeshDefault } from './p-no-mesh-default';
import { scopeSize, scopeSizeRule } from './p-scope-size';
import { wideDefault } from './p-wide-default';
import { widerThanDefault } from './p-wider-than-default';
import { MeshRule, Rule } from '../../rule';
import { DEFAULT_MAX_SCOPE_HOSTS } from '../../rule-pack';

/** The least-privilege pack (opt-in): how much each proxy can see and reach. */
export const LEAST_PRIVILEGE_RULES: readonly Rule[] = [
  noMeshDefault,
  wideDefault,
  allowAny,
  widerThanDefault,
  callWideImport,
  scopeSize,
];

/** The pack's rules with P-SCOPE-SIZE at `maxScopeHosts`. */
export function leastPrivilegeRules(maxScopeHosts: number = DEFAULT_MAX_SCOPE_HOSTS): readonly Rule[] {
  if (maxScopeHosts === DEFAULT_MAX_SCOPE_HOSTS) return LEAST_PRIVILEGE_RULES;
  const sized: MeshRule = scopeSizeRule(maxScopeHosts);
  return LEAST_PRIVILEGE_RULES.map((rule) => (rule === scopeSize ? sized : rule));
}
