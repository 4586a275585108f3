import { Rule } from '../../rule';

export const PORTS_RULES: readonly Rule[] = [];
