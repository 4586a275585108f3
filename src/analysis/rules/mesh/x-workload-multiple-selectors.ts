import { Severity } from '../../finding';
import { MeshReport, MeshRule, RuleSource } from '../../rule';
import { selectSidecars } from '../../selection';
import { SelectionVia } from '../../selection-via';
import { sidecarView } from '../../sidecar-view';
import { MeshSnapshot, SidecarResource, WorkloadResource } from '../../snapshot';
import { deploymentManifest, selectorSidecar } from '../support/mesh-examples';
import { nameList, namespacePhrase, objectList, selectorString, sidecarNamespaces } from '../support/mesh-helpers';
import { SelectorOverlap, overlappingSelectors } from '../support/selector-overlap';

// (a) linear in the workloads' matching lists from selection; (b) O(n·g + pairs reported) per
// namespace, g = distinct selector key sets there (see selector-overlap.ts).
export const workloadMultipleSelectors: MeshRule = {
  id: 'X-WORKLOAD-MULTIPLE-SELECTORS',
  scope: 'mesh',
  severity: Severity.ERROR,
  title: 'No pod is selected by two Sidecars with a workloadSelector',
  why: 'Istio calls two Sidecars selecting one pod undefined behaviour: istiod applies only the oldest (not the most specific) and silently ignores the other for that pod. istioctl analyze and Kiali report it as an error; selectors that could overlap are the same bug waiting for a pod with the right labels.',
  fix: 'Make the selectors exclusive (the same label key with different values, or an extra distinguishing label), or merge the Sidecars into one.',
  references: ['IST0110', 'KIA0003'],
  sources: [RuleSource.ANALYZER, RuleSource.KIALI],
  registryAssumption: 'Judges the pods the input holds: a conflict needs a pod both Sidecars select, so pods outside the input never make it speak. Independent of the registry setting.',
  examples: {
    failing: [
      selectorSidecar('prod', 'ratings-app', { app: 'ratings' }),
      selectorSidecar('prod', 'ratings-tier', { tier: 'backend' }),
      deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
    ],
    passing: [
      selectorSidecar('prod', 'ratings', { app: 'ratings' }),
      selectorSidecar('prod', 'reviews', { app: 'reviews' }),
      deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
    ],
  },
  check(mesh, report) {
    const shown = reportMatchedWorkloads(mesh, report);
    reportPossibleOverlaps(mesh, report, shown);
  },
};

const pairKey = (a: SidecarResource, b: SidecarResource) => (a.index < b.index ? `${a.index}:${b.index}` : `${b.index}:${a.index}`);

/** (a) Workloads of the input matched by several selector Sidecars: one finding per set of Sidecars. */
function reportMatchedWorkloads(mesh: MeshSnapshot, report: MeshReport): Set<string> {
  const groups = new Map<string, { sidecars: SidecarResource[]; winner: SidecarResource; workloads: WorkloadResource[] }>();
  for (const selection of selectSidecars(mesh).workloads) {
    // `matching` is in istiod's order; empty selectors are X-EMPTY-SELECTOR-PRECEDENCE's business.
    const sidecars = selection.matching.filter((s) => sidecarView(s).selectorForm === 'labels');
    if (sidecars.length < 2) continue;
    const key = sidecars.map((s) => s.index).join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, group = { sidecars, winner: selection.matching[0], workloads: [] });
    // Pods without a sidecar proxy (ambient, gateways, injection off) read no Sidecar: their
    // overlaps are shown (never reported as possible) but harmless.
    if (selection.via !== SelectionVia.NOT_APPLICABLE) group.workloads.push(selection.workload);
  }
  const shown = new Set<string>();
  for (const { sidecars, winner, workloads } of groups.values()) {
    sidecars.forEach((a, i) => sidecars.slice(i + 1).forEach((b) => shown.add(pairKey(a, b))));
    if (workloads.length === 0) continue;
    const [first, ...others] = sidecars;
    const wins = winner === first
      ? `istiod applies only ${JSON.stringify(first.ref.name)} (the oldest, then smallest name) and ignores ${nameList(others.map((s) => s.ref.name))} for them`
      : `istiod applies only ${JSON.stringify(winner.ref.name)} (an older Sidecar with an empty workloadSelector) and ignores all of them for these pods`;
    report(first,
      `Sidecars ${nameList(sidecars.map((s) => s.ref.name))} in ${namespacePhrase(first.ref.namespace)} ${sidecars.length === 2 ? 'both' : 'all'} select the pods of ${objectList(workloads)}: `
      + `${wins} (Istio calls this undefined behaviour); make the workloadSelectors exclusive or merge the Sidecars into one`,
      { path: 'spec.workloadSelector', related: others });
  }
  return shown;
}

/** (b) Selectors that can select one pod although no workload of the input shows it yet. */
function reportPossibleOverlaps(mesh: MeshSnapshot, report: MeshReport, shown: ReadonlySet<string>): void {
  for (const namespace of sidecarNamespaces(mesh)) {
    if (mesh.isAmbientNamespace(namespace)) continue;
    const selectors = mesh.sidecarsIn(namespace).filter((s) => sidecarView(s).selectorForm === 'labels');
    for (const overlap of overlappingSelectors(selectors)) {
      if (shown.has(pairKey(overlap.first, overlap.second))) continue;
      report(overlap.second, overlapMessage(overlap), {
        path: 'spec.workloadSelector',
        related: [overlap.first],
        ...(overlap.kind === 'compatible' ? { severity: Severity.WARNING } : {}),
      });
    }
  }
}

function overlapMessage({ first, second, kind }: SelectorOverlap): string {
  const other = `Sidecar ${JSON.stringify(first.ref.name)}`;
  const mine = `"${selectorString(second.selectorLabels)}"`;
  const theirs = `"${selectorString(first.selectorLabels)}"`;
  const wins = `${other} comes first in istiod's order (oldest, then smallest name)`;
  switch (kind) {
    case 'identical':
      return `this Sidecar's workloadSelector ${mine} is the same as ${other}'s; ${wins}, so this Sidecar never applies to any pod; keep one of the two Sidecars`;
    case 'first-broader':
      return `every pod this Sidecar's workloadSelector ${mine} selects is also selected by ${other} (${theirs}); ${wins}, so this Sidecar never applies to any pod; make the selectors exclusive or merge the Sidecars`;
    case 'second-broader':
      return `this Sidecar's workloadSelector ${mine} also selects every pod that ${other} selects (${theirs}); ${wins} and takes those pods (Istio calls this undefined behaviour); add a label that excludes them to this selector, or merge the Sidecars`;
    default:
      return `this Sidecar's workloadSelector ${mine} and ${other}'s (${theirs}) can select the same pod (one carrying all of those labels); no workload in the input does yet, but for such a pod ${wins} and this Sidecar is ignored; make the selectors exclusive, e.g. with different values of the same label key`;
  }
}

