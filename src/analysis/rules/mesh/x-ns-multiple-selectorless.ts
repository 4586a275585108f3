import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { SidecarResource } from '../../snapshot';
import { meshSidecar } from '../support/mesh-examples';
import { allOneObject, compareIstiodOrder, distinctNames, isNamespaceWide, namespacePhrase, phraseList, sidecarNamespaces } from '../support/mesh-helpers';

// O(n log n + k²) for k namespace-wide Sidecars in one namespace (each finding names the k-1
// others; k is small in any real input): one pass groups them by namespace, each group is sorted once.
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
  // istioctl analyze and Kiali flag each Sidecar of the group.
  reportsEachSubject: true,
  examples: {
    failing: [meshSidecar('shop', 'default'), meshSidecar('shop', 'other')],
    passing: [meshSidecar('shop', 'default'), meshSidecar('shop', 'ratings', { labels: { app: 'ratings' } })],
  },
  check(mesh, report) {
    for (const namespace of sidecarNamespaces(mesh)) {
      // Ambient namespaces have no sidecar proxies: X-AMBIENT-INEFFECTIVE reports their Sidecars.
      if (mesh.isAmbientNamespace(namespace)) continue;
      const wide = mesh.sidecarsIn(namespace).filter(isNamespaceWide).sort(compareIstiodOrder);
      if (wide.length < 2 || allOneObject(wide)) continue;
      const names = distinctNames(wide);
      wide.forEach((sidecar, i) => {
        report(sidecar, message(namespace, wide, names, i), { related: wide.filter((other) => other !== sidecar) });
      });
    }
  },
};

// Past this many, a message counts the rest: `related` names them all.
const NAMES_SHOWN = 10;

/** The finding of `wide[at]`; `wide` is in istiod's order, so `wide[0]` is the one it uses. */
function message(namespace: string | undefined, wide: readonly SidecarResource[], names: readonly string[], at: number): string {
  const used = wide[0];
  const why = sidecarView(used).selectorForm === 'empty'
    ? 'its empty workloadSelector puts it before any Sidecar without one'
    : 'the oldest by creationTimestamp, then by name';
  const ignored = names.slice(1);
  const verdict = at === 0
    ? `istiod uses this one (${why}) and ignores ${phraseList(ignored, NAMES_SHOWN)}`
    : `istiod ignores this one and uses ${names[0]} (${why})`;
  return `${namespacePhrase(namespace)} has ${wide.length} Sidecars that apply to the whole namespace (no workloadSelector, or an empty one): ${phraseList(names, NAMES_SHOWN)}; `
    + `${verdict}; keep one namespace-wide Sidecar named "default", and give the others a workloadSelector with labels or delete them`;
}
