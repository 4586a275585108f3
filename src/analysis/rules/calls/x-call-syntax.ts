import { Severity } from '../../finding';
import { declaredCallItems } from '../../reach/declared-calls';
import { MeshRule, RuleSource } from '../../rule';
import { CALLS_ANNOTATION, CALL_FORM } from '../../syntax/call';
import { CALL_CONCERNS } from '../support/declared-call-outcomes';
import { deploymentManifest } from '../support/mesh-examples';

// O(c): each entry of each workload's annotation is read once.
export const callSyntax: MeshRule = {
  id: 'X-CALL-SYNTAX',
  scope: 'mesh',
  concerns: CALL_CONCERNS,
  severity: Severity.ERROR,
  title: `Every entry of the ${CALLS_ANNOTATION} annotation is host[:port]`,
  why: `A workload declares the calls it makes in the ${CALLS_ANNOTATION} annotation so that synth checks them against the Sidecar that applies. An entry that is not a host with an optional port (an empty item, a bad host name, a wildcard, a port outside 1-65535) declares nothing, so the call it meant goes unchecked.`,
  fix: `Write each entry as ${CALL_FORM}, separated by commas.`,
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'Needs nothing from the registry: each entry is judged on its own.',
  examples: {
    failing: [deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:9080,,api.example.com:99999' })],
    passing: [deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:9080, api.example.com:443' })],
  },
  check(mesh, report) {
    for (const workload of mesh.workloads) {
      for (const { item, path } of declaredCallItems(workload)) {
        if (!('problem' in item)) continue;
        report(workload, `entry ${item.index + 1} of ${CALLS_ANNOTATION}, ${JSON.stringify(item.text)}, is invalid: ${item.problem}; write ${CALL_FORM}`, { path });
      }
    }
  },
};
