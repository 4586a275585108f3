import { Severity } from '../../finding';
import { isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { UINT32_MAX } from '../../syntax/port';
import { sidecarManifest } from '../support/example-manifests';

const MAX_PORT = 65535;

export const ingressPortRange: SidecarRule = {
  id: 'S-IN-PORT-RANGE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Every ingress port number is from 1 to 65535',
  why: 'Istio rejects an ingress port number of 0 or above 65535. A missing number counts as 0: unlike egress, ingress has no Unix-socket listeners.',
  fix: 'Set port.number to the port the sidecar should listen on, from 1 to 65535.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 0, protocol: 'HTTP', name: 'http' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' } }] })],
  },
  check(sidecar, report) {
    for (const { port, portNumber: number, portPath, portNumberPath } of sidecarView(sidecar).ingress) {
      // Numbers outside uint32 never reach the webhook: S-PORT-NUMBER-CRD reports them.
      if (!port || number === undefined || (number >= 1 && number <= MAX_PORT) || number < 0 || number > UINT32_MAX) continue;
      if (!isPresent(port.number)) {
        report(portPath, 'ingress port has no number: ingress listeners cannot be Unix-socket listeners, so set port.number from 1 to 65535');
      } else if (number === 0) {
        report(portNumberPath, 'ingress port number 0 is invalid: Istio treats 0 as missing; set port.number from 1 to 65535');
      } else {
        report(portNumberPath, `ingress port number ${number} is outside 1..65535; pick a port from 1 to 65535`);
      }
    }
  },
};
