import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { UNIX_SCHEME, isIpAddress } from '../../syntax/address';
import { sidecarManifest } from '../support/example-manifests';

export const egressBindIp: SidecarRule = {
  id: 'S-EG-BIND-IP',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An egress listener with a port number binds a literal IP address',
  why: 'Istio rejects an egress listener with a port number whose bind is not a plain IPv4 or IPv6 address: host names, brackets, prefix lengths and unix sockets cannot be bound with a port.',
  fix: 'Bind an IP address such as "127.0.0.1" or "::1", or leave bind out; for a unix socket, leave the port number out.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: { number: 8080 }, bind: 'localhost', hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 8080 }, bind: '127.0.0.1', hosts: ['./*'] }, { port: { number: 8081 }, bind: '::1', hosts: ['./*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of sidecarView(sidecar).egress) {
      const bind = listener.bind;
      if (listener.kind !== 'numbered' || !bind || isIpAddress(bind)) continue;
      const port = listener.portNumber;
      const message = bind.startsWith(UNIX_SCHEME)
        ? `bind ${JSON.stringify(bind)} is a unix socket, but egress listener ${listener.index} has port number ${port}: leave the port number out for a unix-socket listener, or bind an IP address such as "127.0.0.1"`
        : `bind ${JSON.stringify(bind)} is not an IP address: egress listener ${listener.index} has port number ${port}, so it binds a plain IPv4 or IPv6 address without brackets or prefix length, e.g. "127.0.0.1" or "::1"`;
      report(listener.bindPath, message);
    }
  },
};
