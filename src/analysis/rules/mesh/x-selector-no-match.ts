import { Severity } from '../../finding';
import { MeshRule, RuleSource } from '../../rule';
import { selectSidecars } from '../../selection';
import { sidecarView } from '../../sidecar-view';
import { deploymentManifest, selectorSidecar } from '../support/mesh-examples';
import { namespacePhrase, selectorString } from '../support/mesh-helpers';
import { assumptionSentence } from '../support/registry-assumption';

// O(n): selection already matched every selector through the label index.
export const selectorNoMatch: MeshRule = {
  id: 'X-SELECTOR-NO-MATCH',
  scope: 'mesh',
  severity: Severity.WARNING,
  title: 'A workloadSelector matches some workload in the Sidecar\'s own namespace',
  why: 'A Sidecar applies only to pods in its own namespace whose labels include every selector label. A selector that matches none (a typo, a renamed label, the workload in another namespace) configures nothing, and those pods silently keep the namespace or mesh default.',
  fix: 'Fix the selector labels or the namespace; if the workload is deployed outside this input, suppress the rule for this Sidecar.',
  references: ['IST0101', 'KIA0004'],
  sources: [RuleSource.KIALI, RuleSource.ANALYZER],
  registryAssumption: 'Judged when the input holds at least one workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob), which is then taken to hold all of them; always with registry "complete", where an input without workloads has none.',
  examples: {
    failing: [selectorSidecar('prod', 'ratings', { app: 'ratinsg' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
    passing: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' })],
  },
  check(mesh, report) {
    // A partial input without workloads (Sidecars only, the workloads deployed elsewhere) proves nothing.
    if (mesh.workloads.length === 0 && !mesh.registryIsComplete) return;
    const { matchedBy } = selectSidecars(mesh);
    for (const sidecar of mesh.sidecars) {
      if (sidecarView(sidecar).selectorForm !== 'labels' || (matchedBy.get(sidecar)?.length ?? 0) > 0) continue;
      report(sidecar,
        `no workload in ${namespacePhrase(sidecar.ref.namespace)} has pods labelled "${selectorString(sidecar.selectorLabels)}", so this Sidecar applies to nothing `
        + '(a Sidecar only selects pods in its own namespace); fix the labels or the namespace, or suppress this rule if the workload is deployed outside this input'
        + assumptionSentence(mesh, 'some workloads'),
        { path: 'spec.workloadSelector.labels' });
    }
  },
};
