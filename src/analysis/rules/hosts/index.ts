import { hostDns } from './s-host-dns';
import { hostDuplicate } from './s-host-duplicate';
import { hostEmptyPart } from './s-host-empty-part';
import { hostFormat } from './s-host-format';
import { hostNamespace } from './s-host-namespace';
import { hostPartialWildcard } from './s-host-partial-wildcard';
import { hostShortName } from './s-host-short-name';
import { hostStarStarExclusive } from './s-host-star-star-exclusive';
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
