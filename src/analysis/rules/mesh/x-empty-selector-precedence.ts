import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { compareSidecarAge } from '../../selection';
import { sidecarView } from '../../sidecar-view';
import { SidecarResource } from '../../snapshot';
import { meshSidecar } from '../support/mesh-examples';
import { distinctNames, phraseList } from '../support/mesh-helpers';

// O(n log n + related reported): each namespace holding an empty selector is sorted once.
export const emptySelectorPrecedence: MeshRule = {
  id: 'X-EMPTY-SELECTOR-PRECEDENCE',
  scope: 'mesh',
  severity: Severity.WARNING,
  title: 'A Sidecar outside the root namespace has no empty workloadSelector',
  why: 'istiod treats `workloadSelector: {}` as a selector that matches every pod, tried before any Sidecar without a selector and, among selectors, by age. So it silently beats the namespace default, and every newer Sidecar with selector labels never applies. istioctl analyze and Kiali count it as namespace-wide and miss this.',
  fix: 'Remove the workloadSelector field to make it the namespace default, or give it labels to target some workloads.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'None: it reads the Sidecar alone and its namespace. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('prod', 'everything', {})],
    passing: [meshSidecar('prod', 'default'), meshSidecar('prod', 'ratings', { labels: { app: 'ratings' } })],
  },
  check(mesh, report) {
    const namespaces = new Set(mesh.sidecars.filter((s) => sidecarView(s).selectorForm === 'empty').map((s) => s.ref.namespace));
    namespaces.delete(mesh.rootNamespace); // X-ROOT-EMPTY-SELECTOR covers the root namespace
    for (const namespace of namespaces) {
      if (mesh.isAmbientNamespace(namespace)) continue; // X-AMBIENT-INEFFECTIVE covers these
      const sidecars = mesh.sidecarsIn(namespace);
      const defaults = sidecars.filter((s) => !s.hasSelectorField);
      const selectors = sidecars.filter((s) => s.hasSelectorField).sort(compareSidecarAge);
      selectors.forEach((sidecar, i) => {
        if (sidecarView(sidecar).selectorForm !== 'empty') return;
        const shadowed = selectors.slice(i + 1).filter((s) => sidecarView(s).selectorForm === 'labels');
        report(sidecar, message(defaults, shadowed), { path: 'spec.workloadSelector', related: [...defaults, ...shadowed] });
      });
    }
  },
};

function message(defaults: readonly SidecarResource[], shadowed: readonly SidecarResource[]): string {
  const effects = [
    defaults.length > 0 ? `beats the namespace default ${phraseList(distinctNames(defaults))}` : undefined,
    shadowed.length > 0 ? `hides the newer Sidecars with selector labels ${phraseList(distinctNames(shadowed))}, which never apply` : undefined,
  ].filter((e) => e !== undefined);
  const now = effects.length > 0 ? `; here it ${effects.join(' and ')}` : '';
  return 'this Sidecar has an empty workloadSelector: istiod treats it as a selector that matches every pod in its namespace, tried before any Sidecar without a selector, '
    + `so it silently beats the namespace default and hides every newer Sidecar with a workloadSelector${now}; `
    + 'remove the workloadSelector field to make it the namespace default, or give it labels';
}
