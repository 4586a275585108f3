import { Severity } from '../../finding';
import { stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { captureModeProblem } from '../support/sidecar-fields';
import { captureModePath, classifiedEgressListeners } from '../support/egress-ports';

export const egressCaptureMode: SidecarRule = {
  id: 'S-EG-CAPTURE-MODE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An egress listener\'s captureMode is DEFAULT, IPTABLES or NONE',
  why: 'The Sidecar CRD only accepts DEFAULT, IPTABLES and NONE (in upper case) for captureMode, so the API server rejects any other value.',
  fix: 'Use DEFAULT, IPTABLES or NONE, or leave captureMode out for DEFAULT.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: { number: 8080 }, captureMode: 'TPROXY', hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 8080 }, captureMode: 'NONE', hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of classifiedEgressListeners(sidecar)) {
      const mode = stringAt(listener.listener, 'captureMode');
      const problem = mode === undefined ? undefined : captureModeProblem(mode);
      if (problem) report(captureModePath(listener), problem);
    }
  },
};
