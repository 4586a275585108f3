import { Rule } from '../../rule';
import { emptyConfig } from './empty-config';

export const METADATA_RULES: readonly Rule[] = [emptyConfig];
