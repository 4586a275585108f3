import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { unsupportedTlsFieldRule } from '../support/unsupported-tls-field-rule';

export const tlsCertificatesList = unsupportedTlsFieldRule({
  id: 'S-IN-TLS-CERTIFICATES-LIST',
  field: 'tlsCertificates',
  advice: 'Istio rejects the certificate list on sidecar ingress TLS; set serverCertificate and privateKey to the file paths of one certificate instead',
  title: 'Ingress TLS does not set tlsCertificates',
  why: 'Istio rejects tlsCertificates on sidecar ingress TLS: a sidecar serves one certificate, given by serverCertificate and privateKey.',
  fix: 'Replace tlsCertificates with serverCertificate and privateKey file paths.',
  examples: {
    failing: [sidecarManifest({
      ingress: [{ port: HTTPS_PORT, tls: { mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' }] } }],
    })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
});
