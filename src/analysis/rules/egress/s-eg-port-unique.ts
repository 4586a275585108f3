import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const egressPortUnique: SidecarRule = {
  id: 'S-EG-PORT-UNIQUE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Egress port numbers are unique, whatever the bind',
  why: 'Istio rejects a Sidecar with two egress listeners on the same port number, even when they bind different addresses.',
  fix: 'Give each egress listener its own port number, or merge the hosts of listeners that share a port.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({
      egress: [
        { port: { number: 8080 }, bind: '127.0.0.1', hosts: ['a/*'] },
        { port: { number: 8080 }, bind: '127.0.0.2', hosts: ['b/*'] },
      ],
    })],
    passing: [sidecarManifest({
      egress: [
        { port: { number: 8080 }, bind: '127.0.0.1', hosts: ['a/*'] },
        { port: { number: 8081 }, bind: '127.0.0.1', hosts: ['b/*'] },
      ],
    })],
  },
  check(sidecar, report) {
    const firstByNumber = new Map<number, string>();
    for (const listener of sidecarView(sidecar).egress) {
      if (listener.kind !== 'numbered') continue;
      const number = listener.portNumber;
      const first = firstByNumber.get(number);
      if (first === undefined) {
        firstByNumber.set(number, listener.path);
      } else {
        report(listener.portNumberPath, `egress port ${number} is already used by ${first}: port numbers must be unique across egress listeners even when their binds differ; pick another port`);
      }
    }
  },
};
