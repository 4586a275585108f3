import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { unsupportedTlsFieldRule } from '../support/unsupported-tls-field-rule';

export const tlsHttpsRedirect = unsupportedTlsFieldRule({
  id: 'S-IN-TLS-HTTPS-REDIRECT',
  field: 'httpsRedirect',
  advice: 'Istio rejects httpsRedirect: true on sidecar ingress TLS; remove it (redirects belong on a Gateway)',
  title: 'Ingress TLS does not set httpsRedirect',
  why: 'Istio rejects httpsRedirect: true on sidecar ingress TLS: redirecting plain HTTP to HTTPS is a Gateway feature.',
  fix: 'Remove httpsRedirect, or set up the redirect on a Gateway.',
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, httpsRedirect: true } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
});
