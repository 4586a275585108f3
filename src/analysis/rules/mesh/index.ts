import { ambientIneffective } from './x-ambient-ineffective';
import { duplicateObject } from './x-duplicate-object';
import { egressHostNotFound } from './x-egress-host-not-found';
import { emptySelectorPrecedence } from './x-empty-selector-precedence';
import { namespaceUnset } from './x-namespace-unset';
import { notForGateways } from './x-not-for-gateways';
import { nsMultipleSelectorless } from './x-ns-multiple-selectorless';
import { rootDefaultHasSelector } from './x-root-default-has-selector';
import { rootEmptySelector } from './x-root-empty-selector';
import { selectorNoMatch } from './x-selector-no-match';
import { selectorPotentialOverlap } from './x-selector-potential-overlap';
import { workloadMultipleSelectors } from './x-workload-multiple-selectors';
import { Rule } from '../../rule';

/** Rules across objects (scope 'mesh'): they judge the whole input at once. */
export const MESH_RULES: readonly Rule[] = [
  namespaceUnset,
  duplicateObject,
  nsMultipleSelectorless,
  workloadMultipleSelectors,
  selectorPotentialOverlap,
  selectorNoMatch,
  rootDefaultHasSelector,
  rootEmptySelector,
  emptySelectorPrecedence,
  ambientIneffective,
  notForGateways,
  egressHostNotFound,
];
