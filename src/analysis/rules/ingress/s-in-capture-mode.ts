import { Severity } from '../../finding';
import { fieldPath, stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { captureModeProblem, ingressListeners } from '../support/sidecar-fields';

export const ingressCaptureMode: SidecarRule = {
  id: 'S-IN-CAPTURE-MODE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An ingress captureMode is DEFAULT, IPTABLES or NONE',
  why: 'The Sidecar CRD rejects any other captureMode (the names are case-sensitive); Istio\'s webhook never looks at it.',
  fix: 'Set captureMode to DEFAULT, IPTABLES or NONE, or leave it out.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, captureMode: 'TPROXY' }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, captureMode: 'IPTABLES' }] })],
  },
  check(sidecar, report) {
    for (const { listener, path } of ingressListeners(sidecar)) {
      const mode = stringAt(listener, 'captureMode');
      const problem = mode === undefined ? undefined : captureModeProblem(mode);
      if (problem) report(fieldPath(path, 'captureMode'), problem);
    }
  },
};
