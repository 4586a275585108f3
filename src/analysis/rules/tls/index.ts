import { Rule } from '../../rule';

export const TLS_RULES: readonly Rule[] = [];
