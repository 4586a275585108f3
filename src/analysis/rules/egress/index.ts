import { Rule } from '../../rule';

export const EGRESS_RULES: readonly Rule[] = [];
