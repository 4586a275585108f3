import { Severity } from '../../finding';
import { fieldPath, stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { portNameProblem } from '../../syntax/port';
import { sidecarManifest } from '../support/example-manifests';

export const portName: SidecarRule = {
  id: 'S-PORT-NAME',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A listener port name, when set, is a DNS label',
  why: 'Istio rejects a Sidecar whose ingress or egress port name is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit).',
  fix: 'Rename the port, e.g. "http-9080" instead of "http_9080", or leave the name out (it is optional).',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http_9080' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http-9080' } }] })],
  },
  check(sidecar, report) {
    for (const { raw: port, path, direction } of sidecarView(sidecar).ports) {
      const name = stringAt(port, 'name');
      // An empty name means "no name".
      const problem = name ? portNameProblem(name) : undefined;
      if (problem) report(fieldPath(path, 'name'), `${direction} port name ${JSON.stringify(name)} is invalid: ${problem}`);
    }
  },
};
