import { selEmptyKey } from './s-sel-empty-key';
import { selEmptyLabels } from './s-sel-empty-labels';
import { selLabelSyntax } from './s-sel-label-syntax';
import { selMaxLabels } from './s-sel-max-labels';
import { selValueLength } from './s-sel-value-length';
import { selWildcard } from './s-sel-wildcard';
import { Rule } from '../../rule';

export const SELECTOR_RULES: readonly Rule[] = [
  selEmptyKey,
  selWildcard,
  selEmptyLabels,
  selValueLength,
  selMaxLabels,
  selLabelSyntax,
];
