import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { SidecarResource } from '../../snapshot';
import { deploymentManifest, selectorSidecar } from '../support/mesh-examples';
import { allOneObject, distinctNames, selectorString, sidecarNamespaces } from '../support/mesh-helpers';
import { SelectorOverlap, overlappingSelectors, sharedPods } from '../support/selector-overlap';

// O(n·g + pairs reported) per namespace, g = distinct selector key sets there (see
// selector-overlap.ts), plus the pairs of the overlaps the workloads already show.
export const selectorPotentialOverlap: MeshRule = {
  id: 'X-SELECTOR-POTENTIAL-OVERLAP',
  scope: 'mesh',
  severity: Severity.WARNING,
  title: 'Two workloadSelectors in one namespace cannot select the same pod',
  why: 'When a pod carries the labels of two selectors, istiod applies only the older Sidecar and silently ignores the other (undefined behaviour, X-WORKLOAD-MULTIPLE-SELECTORS once such a pod exists). No workload in the input shows it yet, so istioctl analyze and Kiali, which judge existing pods only, stay silent; the selectors are the same bug waiting for a pod with the right labels.',
  fix: 'Make the selectors exclusive (the same label key with different values, or an extra distinguishing label), or merge the Sidecars into one; if no pod will ever carry both, suppress the rule for this Sidecar.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'Compares selectors, not pods: it speaks for a pair no pod of the input shows selected by both (a pod the input shows is X-WORKLOAD-MULTIPLE-SELECTORS\' business); with registry "complete" too, since such a pod can be deployed later.',
  examples: {
    failing: [selectorSidecar('prod', 'by-app', { app: 'ratings' }), selectorSidecar('prod', 'by-tier', { tier: 'backend' })],
    passing: [
      selectorSidecar('prod', 'ratings', { app: 'ratings' }),
      selectorSidecar('prod', 'reviews', { app: 'reviews' }),
      deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
    ],
  },
  check(mesh, report) {
    // Pairs the workloads show are X-WORKLOAD-MULTIPLE-SELECTORS' (or harmless on pods without a
    // sidecar proxy): only the rest are potential.
    const shown = new Set<string>();
    for (const { sidecars } of sharedPods(mesh)) sidecars.forEach((a, i) => sidecars.slice(i + 1).forEach((b) => shown.add(pairKey(a, b))));
    for (const namespace of sidecarNamespaces(mesh)) {
      if (mesh.isAmbientNamespace(namespace)) continue;
      const selectors = mesh.sidecarsIn(namespace).filter((s) => sidecarView(s).selectorForm === 'labels');
      // One finding per pair, on the one istiod would ignore.
      for (const overlap of overlappingSelectors(selectors)) {
        if (shown.has(pairKey(overlap.first, overlap.second)) || allOneObject([overlap.first, overlap.second])) continue;
        report(overlap.second, message(overlap), { path: 'spec.workloadSelector', related: [overlap.first] });
      }
    }
  },
};

function pairKey(a: SidecarResource, b: SidecarResource): string {
  return a.index < b.index ? `${a.index}:${b.index}` : `${b.index}:${a.index}`;
}

function message({ first, second, kind }: SelectorOverlap): string {
  const other = `Sidecar ${distinctNames([first, second])[0]}`;
  const mine = `"${selectorString(second.selectorLabels)}"`;
  const theirs = `"${selectorString(first.selectorLabels)}"`;
  const wins = `${other} comes first in istiod's order (oldest, then smallest name)`;
  const noneYet = 'no workload in the input has such pods yet, but';
  switch (kind) {
    case 'identical':
      return `this Sidecar's workloadSelector ${mine} is the same as ${other}'s; ${noneYet} ${wins}, so this Sidecar would never apply to any pod; keep one of the two Sidecars`;
    case 'first-broader':
      return `every pod this Sidecar's workloadSelector ${mine} selects is also selected by ${other} (${theirs}); ${noneYet} ${wins}, so this Sidecar would never apply to any pod; make the selectors exclusive or merge the Sidecars`;
    case 'second-broader':
      return `this Sidecar's workloadSelector ${mine} also selects every pod that ${other} selects (${theirs}); ${noneYet} ${wins} and would take those pods (Istio calls this undefined behaviour); add a label that excludes them to this selector, or merge the Sidecars`;
    default:
      return `this Sidecar's workloadSelector ${mine} and ${other}'s (${theirs}) can select the same pod (one carrying all of those labels); ${noneYet} for such a pod ${wins} and this Sidecar is ignored; make the selectors exclusive, e.g. with different values of the same label key`;
  }
}
