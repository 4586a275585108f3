import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { meshSidecar } from '../support/mesh-examples';
import { selectorString } from '../support/mesh-helpers';

// O(s) for the s Sidecars of the root namespace, read from the namespace index.
export const rootDefaultHasSelector: MeshRule = {
  id: 'X-ROOT-DEFAULT-HAS-SELECTOR',
  scope: 'mesh',
  severity: Severity.WARNING,
  title: 'A Sidecar in the mesh root namespace has no workloadSelector labels',
  why: 'Only a root-namespace Sidecar without a workloadSelector is the mesh-wide default. One with a selector never applies outside the root namespace: it configures just the matching pods there (usually none), while every other namespace silently keeps the built-in default.',
  fix: 'Remove the workloadSelector to make it the mesh-wide default, or move the Sidecar to the namespace of the workloads it is for.',
  references: ['KIA1006'],
  sources: [RuleSource.KIALI],
  registryAssumption: 'None: it reads the Sidecar and the configured root namespace. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('istio-system', 'global', { labels: { app: 'foo' } })],
    passing: [meshSidecar('istio-system', 'default')],
  },
  check(mesh, report) {
    const root = mesh.rootNamespace;
    for (const sidecar of mesh.sidecarsIn(root)) {
      if (sidecarView(sidecar).selectorForm !== 'labels') continue;
      report(sidecar,
        `this Sidecar is in the mesh root namespace "${root}" but has a workloadSelector ("${selectorString(sidecar.selectorLabels)}"), so it is never the mesh-wide default: `
        + `it applies only to matching pods in "${root}"; remove the workloadSelector to make it the mesh-wide default, or move it to the namespace of the workloads it is for`,
        { path: 'spec.workloadSelector' });
    }
  },
};
