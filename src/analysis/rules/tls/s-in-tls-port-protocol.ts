import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';

const TLS_PROTOCOLS: readonly string[] = ['HTTPS', 'TLS'];

export const tlsPortProtocol: SidecarRule = {
  id: 'S-IN-TLS-PORT-PROTOCOL',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An ingress listener with tls has port protocol HTTPS or TLS',
  why: 'Istio rejects TLS settings, even "tls: {}", on an ingress port whose protocol is not HTTPS or TLS; an empty protocol does not count as either.',
  fix: 'Set port.protocol to HTTPS (HTTP inside TLS) or TLS (anything else inside TLS), or remove tls.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 8443, protocol: 'TCP', name: 'tcp' }, tls: SIMPLE_TLS }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
  check(sidecar, report) {
    for (const { listener } of sidecarView(sidecar).tls) {
      const protocol = listener.protocol;
      if (protocol === undefined || TLS_PROTOCOLS.includes(protocol.toUpperCase())) continue;
      const stated = protocol === '' ? 'has no protocol' : `has protocol ${JSON.stringify(protocol)}`;
      report(
        fieldPath(listener.portPath, 'protocol'),
        `the ingress port ${stated}, but the listener has tls settings: Istio accepts tls only on HTTPS or TLS ports; set port.protocol to HTTPS or TLS, or remove tls`,
      );
    }
  },
};
