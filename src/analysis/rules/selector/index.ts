import { Rule } from '../../rule';

export const SELECTOR_RULES: readonly Rule[] = [];
