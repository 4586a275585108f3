import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const ingressPortUnique: SidecarRule = {
  id: 'S-IN-PORT-UNIQUE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'No two ingress listeners use the same port number, whatever their bind',
  why: 'Istio rejects a Sidecar whose ingress listeners share a port number, even when they bind to different addresses. Egress listeners are counted separately.',
  fix: 'Give each ingress listener its own port number.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({
      ingress: [
        { port: { number: 80, protocol: 'HTTP', name: 'http-a' }, bind: '10.0.0.1' },
        { port: { number: 80, protocol: 'HTTP', name: 'http-b' }, bind: '10.0.0.2' },
      ],
    })],
    passing: [sidecarManifest({
      ingress: [
        { port: { number: 80, protocol: 'HTTP', name: 'http-a' } },
        { port: { number: 81, protocol: 'HTTP', name: 'http-b' } },
      ],
    })],
  },
  check(sidecar, report) {
    const firstUse = new Map<number, string>();
    for (const { portNumber: number, path, portNumberPath } of sidecarView(sidecar).ingress) {
      // A missing or zero number is S-IN-PORT-RANGE's finding; a clash between two of them says nothing more.
      if (number === undefined || number <= 0) continue;
      const first = firstUse.get(number);
      if (first === undefined) {
        firstUse.set(number, path);
        continue;
      }
      report(
        portNumberPath,
        `ingress port ${number} is already used by ${first}: port numbers must be unique across ingress listeners even when their binds differ; pick another port`,
      );
    }
  },
};
