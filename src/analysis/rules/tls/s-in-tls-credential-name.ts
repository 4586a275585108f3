import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { unsupportedTlsFieldRule } from '../support/unsupported-tls-field-rule';

export const tlsCredentialName = unsupportedTlsFieldRule({
  id: 'S-IN-TLS-CREDENTIAL-NAME',
  field: 'credentialName',
  advice: 'sidecars cannot load certificates from a Secret; mount the certificate into the sidecar and set serverCertificate and privateKey (and caCertificates for MUTUAL) to the file paths',
  title: 'Ingress TLS does not set credentialName',
  why: 'Istio rejects credentialName on sidecar ingress TLS: sidecars read certificates from files, not from Kubernetes Secrets.',
  fix: 'Mount the certificate into the sidecar and set serverCertificate and privateKey to the file paths.',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { mode: 'SIMPLE', credentialName: 'my-secret' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
});
