import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { unsupportedTlsFieldRule } from '../support/unsupported-tls-field-rule';

export const tlsSubjectAltNames = unsupportedTlsFieldRule({
  id: 'S-IN-TLS-SAN',
  field: 'subjectAltNames',
  advice: 'Istio rejects it on sidecar ingress TLS; remove it (with MUTUAL, verifyCertificateSpki or verifyCertificateHash can pin client certificates)',
  title: 'Ingress TLS does not set subjectAltNames',
  why: 'Istio rejects subjectAltNames on sidecar ingress TLS: the sidecar cannot match client certificate names.',
  fix: 'Remove subjectAltNames; with MUTUAL, pin client certificates with verifyCertificateSpki or verifyCertificateHash instead.',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, subjectAltNames: ['a.com'] } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
});
