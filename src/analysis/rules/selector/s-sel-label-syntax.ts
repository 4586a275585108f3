import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { labelKeyProblem, labelValueCharactersProblem } from '../../syntax/labels';
import { sidecarManifest } from '../support/example-manifests';

const NEVER_MATCHES = 'Kubernetes accepts no such label on a pod, so the selector can never match';

export const selLabelSyntax: SidecarRule = {
  id: 'S-SEL-LABEL-SYNTAX',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Every workloadSelector label key and value follows the Kubernetes label grammar',
  why: 'Istio does not check label syntax, so it accepts a selector such as "bad key": x, but no pod can carry such a label: the Sidecar silently applies to nothing.',
  fix: 'Write the label exactly as the pods carry it: keys like "app" or "app.kubernetes.io/name", values of letters, digits, "-", "_" and ".".',
  references: [],
  sources: [RuleSource.OWN],
  examples: {
    failing: [sidecarManifest({ workloadSelector: { labels: { 'bad key': 'ratings' } }, egress: [{ hosts: ['./*'] }] })],
    passing: [sidecarManifest({ workloadSelector: { labels: { 'app.kubernetes.io/name': 'ratings' } }, egress: [{ hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const { key, value, path } of sidecarView(sidecar).selector?.labels ?? []) {
      // S-SEL-EMPTY-KEY and S-SEL-WILDCARD report these keys and values, S-SEL-VALUE-LENGTH the length of values.
      const keyProblem = key === '' || key.includes('*') ? undefined : labelKeyProblem(key);
      if (keyProblem) {
        report(path, `workloadSelector label key ${JSON.stringify(key)} is invalid: ${keyProblem}; ${NEVER_MATCHES}`);
      }
      if (typeof value !== 'string' || value.includes('*')) continue;
      const valueProblem = labelValueCharactersProblem(value);
      if (valueProblem) {
        report(path, `workloadSelector label ${JSON.stringify(key)} has the invalid value ${JSON.stringify(value)}: ${valueProblem}; ${NEVER_MATCHES}`);
      }
    }
  },
};
