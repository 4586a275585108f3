import { selEmptyKey } from './sel-empty-key';
import { selEmptyLabels } from './sel-empty-labels';
import { selLabelSyntax } from './sel-label-syntax';
import { selMaxLabels } from './sel-max-labels';
import { selValueLength } from './sel-value-length';
import { selWildcard } from './sel-wildcard';
import { Rule } from '../../rule';

export const SELECTOR_RULES: readonly Rule[] = [
  selEmptyKey,
  selWildcard,
  selEmptyLabels,
  selValueLength,
  selMaxLabels,
  selLabelSyntax,
];
