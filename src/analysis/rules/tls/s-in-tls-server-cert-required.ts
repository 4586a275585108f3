import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { TERMINATING_MODES, effectiveMode, isMissingText } from '../support/tls-settings';

export const tlsServerCertRequired: SidecarRule = {
  id: 'S-IN-TLS-SERVER-CERT-REQUIRED',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Terminating ingress TLS names both serverCertificate and privateKey',
  why: 'Istio rejects SIMPLE, MUTUAL and OPTIONAL_MUTUAL ingress TLS without both files: the sidecar needs a certificate and its key to terminate TLS, and cannot take them from a Secret.',
  fix: 'Mount the certificate into the sidecar and set serverCertificate and privateKey to the file paths.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { mode: 'SIMPLE', serverCertificate: '/etc/certs/cert.pem' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      const mode = effectiveMode(tls);
      if (mode === undefined || !TERMINATING_MODES.includes(mode)) continue;
      // Checked even next to credentialName or tlsCertificates: those are rejected on Sidecars,
      // so the files are the only way to give the certificate.
      const missing = ['serverCertificate', 'privateKey'].filter((key) => isMissingText(tls, key));
      if (missing.length === 0) continue;
      report(
        path,
        `tls mode ${JSON.stringify(mode)} needs serverCertificate and privateKey, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: `
        + 'set them to the paths of the certificate and key files mounted into the sidecar',
      );
    }
  },
};
