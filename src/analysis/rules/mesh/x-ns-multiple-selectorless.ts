import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { SidecarResource } from '../../snapshot';
import { meshSidecar } from '../support/mesh-examples';
import { compareIstiodOrder, isNamespaceWide, nameList, namespacePhrase, sidecarNamespaces } from '../support/mesh-helpers';

// O(n log n): one pass groups the namespace-wide Sidecars by namespace, each group is sorted once.
export const nsMultipleSelectorless: MeshRule = {
  id: 'X-NS-MULTIPLE-SELECTORLESS',
  scope: 'mesh',
  severity: Severity.ERROR,
  title: 'A namespace has at most one namespace-wide Sidecar (no workloadSelector, or an empty one)',
  why: 'Istio calls two namespace-wide Sidecars in one namespace undefined behaviour: istiod silently uses one of them (the oldest) for every pod without a more specific Sidecar and ignores the others. istioctl analyze and Kiali report it as an error.',
  fix: 'Keep one namespace-wide Sidecar per namespace (named "default"); give the others a workloadSelector with labels, merge them, or delete them.',
  references: ['IST0111', 'KIA0002'],
  sources: [RuleSource.ANALYZER, RuleSource.KIALI],
  registryAssumption: 'None: the Sidecars of a namespace that the input holds conflict whatever else the cluster holds. Independent of the registry setting.',
  examples: {
    failing: [meshSidecar('shop', 'default'), meshSidecar('shop', 'other')],
    passing: [meshSidecar('shop', 'default'), meshSidecar('shop', 'ratings', { labels: { app: 'ratings' } })],
  },
  check(mesh, report) {
    for (const namespace of sidecarNamespaces(mesh)) {
      // Ambient namespaces have no sidecar proxies: X-AMBIENT-INEFFECTIVE reports their Sidecars.
      if (mesh.isAmbientNamespace(namespace)) continue;
      const wide = mesh.sidecarsIn(namespace).filter(isNamespaceWide).sort(compareIstiodOrder);
      if (wide.length < 2) continue;
      const [used, ...ignored] = wide;
      report(used, message(namespace, used, ignored), { related: ignored });
    }
  },
};

function message(namespace: string | undefined, used: SidecarResource, ignored: readonly SidecarResource[]): string {
  const all = nameList([used, ...ignored].map((s) => s.ref.name), Number.MAX_SAFE_INTEGER);
  const why = sidecarView(used).selectorForm === 'empty'
    ? 'its empty workloadSelector puts it before any Sidecar without one'
    : 'the oldest by creationTimestamp, then by name';
  return `${namespacePhrase(namespace)} has ${ignored.length + 1} Sidecars that apply to the whole namespace (no workloadSelector, or an empty one): ${all}; `
    + `istiod uses only ${JSON.stringify(used.ref.name)} (${why}) and ignores ${nameList(ignored.map((s) => s.ref.name))}; `
    + 'keep one namespace-wide Sidecar named "default", and give the others a workloadSelector with labels or delete them';
}
