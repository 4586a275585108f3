import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const egressUdsCaptureMode: SidecarRule = {
  id: 'S-EG-UDS-CAPTURE-MODE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A unix-socket egress listener uses captureMode DEFAULT or NONE',
  why: 'iptables cannot redirect traffic to a unix socket, so Istio rejects captureMode IPTABLES on a unix-socket egress listener.',
  fix: 'Leave captureMode out (DEFAULT) or set it to NONE on the unix-socket listener.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: {}, bind: 'unix:///var/run/a.sock', captureMode: 'IPTABLES', hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: {}, bind: 'unix:///var/run/a.sock', captureMode: 'NONE', hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of sidecarView(sidecar).egress) {
      // Values outside the enum are S-EG-CAPTURE-MODE's.
      if (listener.kind === 'unix-socket' && listener.captureMode === 'IPTABLES') {
        report(listener.captureModePath, `captureMode "IPTABLES" cannot redirect traffic to a unix socket: on unix-socket egress listener ${listener.index} use DEFAULT or NONE (or leave captureMode out)`);
      }
    }
  },
};
