import { Rule } from '../../rule';

export const OUTBOUND_POLICY_RULES: readonly Rule[] = [];
