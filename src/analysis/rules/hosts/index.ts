import { hostDns } from './host-dns';
import { hostDuplicate } from './host-duplicate';
import { hostEmptyPart } from './host-empty-part';
import { hostFormat } from './host-format';
import { hostNamespace } from './host-namespace';
import { hostPartialWildcard } from './host-partial-wildcard';
import { hostShortName } from './host-short-name';
import { hostStarStarExclusive } from './host-star-star-exclusive';
import { Rule } from '../../rule';

export const HOST_RULES: readonly Rule[] = [
  hostFormat,
  hostEmptyPart,
  hostNamespace,
  hostShortName,
  hostDns,
  hostPartialWildcard,
  hostDuplicate,
  hostStarStarExclusive,
];
