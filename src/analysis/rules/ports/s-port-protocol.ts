import { Severity } from '../../finding';
import { fieldPath, stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { ISTIO_PROTOCOLS, protocolProblem } from '../../syntax/port';
import { sidecarManifest } from '../support/example-manifests';

// Names people reach for that Istio spells differently.
const ALIASES: { [normalized: string]: string } = { HTTP1: 'HTTP', HTTP11: 'HTTP', H2C: 'HTTP2', H2: 'HTTP2' };

function letters(protocol: string): string {
  return protocol.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The protocol Istio knows that `protocol` most likely means, e.g. "grpc_web" -> "GRPC-WEB". */
function intendedProtocol(protocol: string): string | undefined {
  const normalized = letters(protocol);
  return ISTIO_PROTOCOLS.find((known) => letters(known) === normalized) ?? ALIASES[normalized];
}

export const portProtocol: SidecarRule = {
  id: 'S-PORT-PROTOCOL',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A listener port protocol, when set, is one Istio accepts',
  why: 'Istio rejects a Sidecar whose ingress or egress port protocol is not one of HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, REDIS or MYSQL (in any letter case).',
  fix: 'Use one of the protocols Istio accepts, e.g. HTTP instead of http1, or leave the protocol out to let Istio sniff it.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'http1' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'http' } }, { port: { number: 9081 } }] })],
  },
  check(sidecar, report) {
    for (const { raw: port, path, direction } of sidecarView(sidecar).ports) {
      const protocol = stringAt(port, 'protocol');
      // An empty protocol lets Istio sniff it.
      const problem = protocol ? protocolProblem(protocol) : undefined;
      if (!protocol || !problem) continue;
      const intended = intendedProtocol(protocol);
      const hint = intended ? `; did you mean "${intended}"?` : '';
      report(fieldPath(path, 'protocol'), `${direction} port protocol ${JSON.stringify(protocol)} is not one Istio accepts: ${problem}${hint}`);
    }
  },
};
