import { Rule } from '../../rule';

export const CONNECTION_POOL_RULES: readonly Rule[] = [];
