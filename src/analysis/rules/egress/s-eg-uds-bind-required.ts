import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { UNIX_SCHEME } from '../../syntax/address';
import { sidecarManifest } from '../support/example-manifests';

const UNIX_BIND_EXAMPLE = '"unix:///var/run/app.sock"';

export const egressUdsBindRequired: SidecarRule = {
  id: 'S-EG-UDS-BIND-REQUIRED',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An egress port without a number binds a unix:// socket',
  why: 'An egress port whose number is missing or 0 declares a unix-domain-socket listener; Istio rejects it unless bind is a "unix://" address.',
  fix: 'Set bind to the socket, e.g. "unix:///var/run/app.sock", or give the port a number from 1 to 65535.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: { protocol: 'HTTP' }, hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { protocol: 'HTTP' }, bind: 'unix:///var/run/app.sock', hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of sidecarView(sidecar).egress) {
      if (listener.kind !== 'unix-socket' || listener.bind?.startsWith(UNIX_SCHEME)) continue;
      // A bind of the wrong type is the schema rule's.
      if (listener.hasBind && listener.bind === undefined) continue;
      const got = listener.bind === undefined || listener.bind === '' ? 'it has no bind' : `its bind ${JSON.stringify(listener.bind)} does not start with "unix://"`;
      report(listener.bindPath, `egress listener ${listener.index} has a port without a number (or 0), which makes it a unix-socket listener, but ${got}: set bind to a unix socket such as ${UNIX_BIND_EXAMPLE}, or give the port a number from 1 to 65535`);
    }
  },
};
