import { Rule } from '../../rule';
import { hostFormat } from './host-format';

export const HOST_RULES: readonly Rule[] = [hostFormat];
