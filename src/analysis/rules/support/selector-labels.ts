// The raw labels of spec.workloadSelector, as written: values of any type, with their paths.
import { JsonObject, fieldPath, objectAt } from '../../manifest';
import { SidecarResource } from '../../snapshot';

export const SELECTOR_PATH = 'spec.workloadSelector';
export const LABELS_PATH = 'spec.workloadSelector.labels';

export interface SelectorLabelAt {
  readonly key: string;
  /** As written; a non-string value is the schema rule's to report. */
  readonly value: unknown;
  readonly path: string;
}

/** `spec.workloadSelector.labels` when it is an object. */
export function selectorLabelsObject(sidecar: SidecarResource): JsonObject | undefined {
  return objectAt(objectAt(sidecar.spec, 'workloadSelector'), 'labels');
}

export function selectorLabels(sidecar: SidecarResource): SelectorLabelAt[] {
  return Object.entries(selectorLabelsObject(sidecar) ?? {}).map(([key, value]) => ({ key, value, path: fieldPath(LABELS_PATH, key) }));
}

/** Labels with a string value. */
export function stringSelectorLabels(sidecar: SidecarResource): Array<SelectorLabelAt & { readonly value: string }> {
  return selectorLabels(sidecar).filter((label): label is SelectorLabelAt & { value: string } => typeof label.value === 'string');
}
