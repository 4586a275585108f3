import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { UNIX_SCHEME, isIpAddress } from '../../syntax/address';
import { sidecarManifest } from '../support/example-manifests';

export const ingressBindIp: SidecarRule = {
  id: 'S-IN-BIND-IP',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An ingress bind is a literal IP address',
  why: 'Istio rejects an ingress bind that is a host name, a bracketed or CIDR address, or a Unix socket: ingress listeners bind only to IP addresses.',
  fix: 'Write the bind as a plain IPv4 or IPv6 address, e.g. "0.0.0.0" or "::", or leave it out.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, bind: 'localhost' }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, bind: '0.0.0.0' }] })],
  },
  check(sidecar, report) {
    for (const { bind, bindPath: where } of sidecarView(sidecar).ingress) {
      if (!bind || isIpAddress(bind)) continue;
      if (bind.startsWith(UNIX_SCHEME)) {
        report(where, `ingress bind ${JSON.stringify(bind)} is a Unix socket: ingress listeners bind only to IP addresses; use an IP such as "0.0.0.0", and set defaultEndpoint to forward to the socket`);
      } else {
        report(where, `ingress bind ${JSON.stringify(bind)} is not a literal IP address: expected an IPv4 or IPv6 address without brackets or CIDR suffix, e.g. "0.0.0.0" or "::"`);
      }
    }
  },
};
