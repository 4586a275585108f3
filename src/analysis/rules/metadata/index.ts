import { crdTypes } from './s-crd-types';
import { crdUnknownFields } from './s-crd-unknown-fields';
import { crdVersions } from './s-crd-versions';
import { emptyConfig } from './s-empty-config';
import { reservedAnnotation } from './s-meta-reserved-annotation';
import { nameDefault } from './s-name-default';
import { webhookTopLevelFields } from './s-webhook-toplevel-fields';
import { Rule } from '../../rule';

// S-SUPPRESS-ANNOTATION follows these; the registry builds it (it needs the registry's ids).
export const METADATA_RULES: readonly Rule[] = [
  crdVersions,
  webhookTopLevelFields,
  reservedAnnotation,
  crdUnknownFields,
  crdTypes,
  emptyConfig,
  nameDefault,
];
