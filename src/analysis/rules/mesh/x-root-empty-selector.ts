import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { meshSidecar } from '../support/mesh-examples';

// O(s) for the s Sidecars of the root namespace, read from the namespace index.
export const rootEmptySelector: MeshRule = {
  id: 'X-ROOT-EMPTY-SELECTOR',
  scope: 'mesh',
  severity: Severity.WARNING,
  title: 'A Sidecar in the mesh root namespace has no empty workloadSelector',
  why: 'istiod takes as mesh-wide default only a root-namespace Sidecar whose workloadSelector is absent; it checks presence, not emptiness. With `workloadSelector: {}` the Sidecar applies to every pod of the root namespace only, and every other namespace keeps the built-in default. Kiali does not flag it.',
  fix: 'Remove the workloadSelector field entirely.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  registryAssumption: 'None: it reads the Sidecar and the configured root namespace. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('istio-system', 'default', {})],
    passing: [meshSidecar('istio-system', 'default')],
  },
  check(mesh, report) {
    const root = mesh.rootNamespace;
    for (const sidecar of mesh.sidecarsIn(root)) {
      if (sidecarView(sidecar).selectorForm !== 'empty') continue;
      report(sidecar,
        `this Sidecar in the mesh root namespace "${root}" has an empty workloadSelector, so it is not the mesh-wide default (istiod only checks whether the field is present): `
        + `it applies to every pod of "${root}" and nowhere else; remove the workloadSelector field to make it the mesh-wide default`,
        { path: 'spec.workloadSelector' });
    }
  },
};
