import { Severity } from '../../finding';
import { stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { CAPTURE_MODES } from '../../schema/model';
import { sidecarManifest } from '../example-manifests';
import { captureModePath, classifiedEgressListeners } from './egress-ports';

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
      if (mode === undefined || CAPTURE_MODES.includes(mode)) continue;
      const upper = mode.toUpperCase();
      const hint = CAPTURE_MODES.includes(upper) ? `write it in upper case, ${JSON.stringify(upper)}` : 'use one of them, or leave captureMode out for DEFAULT';
      report(captureModePath(listener), `captureMode ${JSON.stringify(mode)} is not one of DEFAULT, IPTABLES or NONE: ${hint}`);
    }
  },
};
