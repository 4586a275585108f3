import { ambientIneffective } from './ambient-ineffective';
import { egressHostNotFound } from './egress-host-not-found';
import { emptySelectorPrecedence } from './empty-selector-precedence';
import { namespaceUnset } from './namespace-unset';
import { notForGateways } from './not-for-gateways';
import { nsMultipleSelectorless } from './ns-multiple-selectorless';
import { rootDefaultHasSelector } from './root-default-has-selector';
import { rootEmptySelector } from './root-empty-selector';
import { selectorNoMatch } from './selector-no-match';
import { workloadMultipleSelectors } from './workload-multiple-selectors';
import { Rule } from '../../rule';

/** Rules across objects (scope 'mesh'): they judge the whole input at once. */
export const MESH_RULES: readonly Rule[] = [
  namespaceUnset,
  nsMultipleSelectorless,
  workloadMultipleSelectors,
  selectorNoMatch,
  rootDefaultHasSelector,
  rootEmptySelector,
  emptySelectorPrecedence,
  ambientIneffective,
  notForGateways,
  egressHostNotFound,
];
