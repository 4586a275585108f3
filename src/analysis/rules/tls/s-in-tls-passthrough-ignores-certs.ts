import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { effectiveMode, isSet } from '../support/tls-settings';

const PASSTHROUGH_MODES: readonly string[] = ['PASSTHROUGH', 'AUTO_PASSTHROUGH'];
const CERTIFICATE_FIELDS: readonly string[] = [
  'serverCertificate', 'privateKey', 'caCertificates', 'caCrl', 'tlsCertificates', 'credentialName', 'credentialNames',
];

export const tlsPassthroughIgnoresCerts: SidecarRule = {
  id: 'S-IN-TLS-PASSTHROUGH-IGNORES-CERTS',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'Passthrough ingress TLS sets no certificate fields',
  why: 'With PASSTHROUGH, explicit or because mode is omitted, the sidecar does not terminate TLS: Istio accepts certificate fields but ignores them, with a warning.',
  fix: 'Set mode to SIMPLE, MUTUAL or OPTIONAL_MUTUAL to use the certificates, or remove them.',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      const mode = effectiveMode(tls);
      if (mode === undefined || !PASSTHROUGH_MODES.includes(mode)) continue;
      const ignored = CERTIFICATE_FIELDS.filter((key) => isSet(tls, key));
      if (ignored.length === 0) continue;
      const how = tls.mode === undefined || tls.mode === null ? 'tls has no mode, which Istio reads as PASSTHROUGH' : `tls mode is ${JSON.stringify(mode)}`;
      report(
        path,
        `${how}, so the sidecar does not terminate TLS and ignores ${ignored.join(', ')}: set mode to SIMPLE, MUTUAL or OPTIONAL_MUTUAL to use them, or remove them`,
      );
    }
  },
};
