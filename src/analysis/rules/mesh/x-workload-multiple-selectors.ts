import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { deploymentManifest, selectorSidecar } from '../support/mesh-examples';
import { allOneObject, distinctNames, namespacePhrase, objectList, phraseList } from '../support/mesh-helpers';
import { SharedPods, sharedPods } from '../support/selector-overlap';

// Linear in the workloads' matching lists from selection, plus k² for k Sidecars selecting the
// same pods (each of the k findings names the k-1 others).
export const workloadMultipleSelectors: MeshRule = {
  id: 'X-WORKLOAD-MULTIPLE-SELECTORS',
  scope: 'mesh',
  severity: Severity.ERROR,
  title: 'No pod of the input is selected by two Sidecars with a workloadSelector',
  why: 'Istio calls two Sidecars selecting one pod undefined behaviour: istiod applies only the oldest (not the most specific) and silently ignores the other for that pod. istioctl analyze and Kiali report it as an error on each Sidecar, judged on the pods that exist; selectors that only could overlap are X-SELECTOR-POTENTIAL-OVERLAP.',
  fix: 'Make the selectors exclusive (the same label key with different values, or an extra distinguishing label), or merge the Sidecars into one.',
  references: ['IST0110', 'KIA0003'],
  sources: [RuleSource.ANALYZER, RuleSource.KIALI],
  registryAssumption: 'Judges the pods the input holds: a conflict needs a pod both Sidecars select, so pods outside the input never make it speak. Independent of the registry setting.',
  // istioctl analyze and Kiali flag each Sidecar that selects the pod.
  reportsEachSubject: true,
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
    for (const group of sharedPods(mesh)) {
      // Pods without a sidecar proxy read no Sidecar: X-AMBIENT-INEFFECTIVE and selection say so.
      if (group.workloads.length === 0 || allOneObject(group.sidecars)) continue;
      const names = distinctNames(group.sidecars);
      group.sidecars.forEach((sidecar, i) => {
        report(sidecar, message(group, names, i), { path: 'spec.workloadSelector', related: group.sidecars.filter((other) => other !== sidecar) });
      });
    }
  },
};

/** The finding of `group.sidecars[at]`, saying whether istiod keeps or ignores it. */
function message({ sidecars, winner, workloads }: SharedPods, names: readonly string[], at: number): string {
  const first = sidecars[0];
  const namespace = first.ref.namespace;
  let verdict: string;
  if (winner !== first) {
    const winnerName = distinctNames([...sidecars, winner])[sidecars.length];
    verdict = `istiod applies only ${winnerName} (an older Sidecar with an empty workloadSelector) and ignores all of them for these pods`;
  } else if (at === 0) {
    verdict = `istiod applies this one (the oldest, then smallest name) and ignores ${phraseList(names.slice(1))} for them`;
  } else {
    verdict = `istiod ignores this one for them and applies ${names[0]} (the oldest, then smallest name)`;
  }
  return `Sidecars ${phraseList(names)} in ${namespacePhrase(namespace)} ${sidecars.length === 2 ? 'both' : 'all'} select the pods of ${objectList(workloads)}: `
    + `${verdict} (Istio calls this undefined behaviour); make the workloadSelectors exclusive or merge the Sidecars into one`;
}
