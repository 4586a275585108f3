import { Rule } from '../../rule';

export const INGRESS_RULES: readonly Rule[] = [];
