import { crdTypes } from './crd-types';
import { crdUnknownFields } from './crd-unknown-fields';
import { crdVersions } from './crd-versions';
import { emptyConfig } from './empty-config';
import { nameDefault } from './name-default';
import { reservedAnnotation } from './reserved-annotation';
import { suppressAnnotation } from './suppress-annotation';
import { webhookTopLevelFields } from './webhook-toplevel-fields';
import { Rule } from '../../rule';

export const METADATA_RULES: readonly Rule[] = [
  crdVersions,
  webhookTopLevelFields,
  reservedAnnotation,
  crdUnknownFields,
  crdTypes,
  emptyConfig,
  nameDefault,
  suppressAnnotation,
];
