/** A set of opt-in rules, off by default: turn it on with the `rulePacks` setting of a front door. */
export enum RulePack {
  /** How much each proxy can see and reach: mesh defaults, wide imports, ALLOW_ANY, scope size. */
  LEAST_PRIVILEGE = 'least-privilege',
}

/** Every pack, as the settings spell them. */
export const RULE_PACKS: readonly RulePack[] = [RulePack.LEAST_PRIVILEGE];

/** The default of the least-privilege pack's P-SCOPE-SIZE: more host names than this in one scope is reported. */
export const DEFAULT_MAX_SCOPE_HOSTS = 100;
