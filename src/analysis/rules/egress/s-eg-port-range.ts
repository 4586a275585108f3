import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { isUint32 } from '../../syntax/port';
import { sidecarManifest } from '../support/example-manifests';

export const egressPortRange: SidecarRule = {
  id: 'S-EG-PORT-RANGE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An egress port number is at most 65535',
  why: 'Istio rejects a Sidecar whose egress listener has a port number above 65535: no such TCP or UDP port exists. (A port with no number, or 0, is a unix-socket listener.)',
  fix: 'Pick a port number from 1 to 65535.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: { number: 65536 }, hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 65535 }, hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of sidecarView(sidecar).egress) {
      // Numbers the CRD rejects (above the uint32 range) are S-PORT-NUMBER-CRD's.
      if (listener.kind === 'numbered' && listener.portNumber > 65535 && isUint32(listener.portNumber)) {
        report(listener.portNumberPath, `egress port ${listener.portNumber} is outside 1..65535: pick a port number from 1 to 65535`);
      }
    }
  },
};
