import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { UNIX_SCHEME, unixAddressProblem } from '../../syntax/address';
import { sidecarManifest } from '../support/example-manifests';

export const egressUdsPath: SidecarRule = {
  id: 'S-EG-UDS-PATH',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A unix-socket egress bind names an absolute socket path or an abstract socket',
  why: 'Istio rejects a unix-socket egress listener whose address after "unix://" is empty, relative or ends in "/": the proxy could not create the socket.',
  fix: 'Write "unix://" followed by an absolute file path ("unix:///var/run/app.sock") or an abstract socket name ("unix://@app").',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: {}, bind: 'unix://var/run/a.sock', hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: {}, bind: 'unix:///var/run/a.sock', hosts: ['./*'] }, { port: {}, bind: 'unix://@app', hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of sidecarView(sidecar).egress) {
      const bind = listener.bind;
      if (listener.kind !== 'unix-socket' || !bind?.startsWith(UNIX_SCHEME)) continue;
      const problem = unixAddressProblem(bind.slice(UNIX_SCHEME.length));
      if (problem) report(listener.bindPath, `unix-socket bind ${JSON.stringify(bind)} is invalid: ${problem}`);
    }
  },
};
