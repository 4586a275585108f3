import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { unsupportedTlsFieldRule } from '../support/unsupported-tls-field-rule';

export const tlsCredentialNames = unsupportedTlsFieldRule({
  id: 'S-IN-TLS-CREDENTIAL-NAMES',
  field: 'credentialNames',
  advice: 'sidecars cannot load certificates from Secrets; mount the certificate into the sidecar and set serverCertificate and privateKey (and caCertificates for MUTUAL) to the file paths',
  title: 'Ingress TLS does not set credentialNames',
  why: 'Istio rejects credentialNames on sidecar ingress TLS: sidecars read certificates from files, not from Kubernetes Secrets.',
  fix: 'Mount the certificate into the sidecar and set serverCertificate and privateKey to the file paths.',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { mode: 'SIMPLE', credentialNames: ['rsa-secret'] } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
});
