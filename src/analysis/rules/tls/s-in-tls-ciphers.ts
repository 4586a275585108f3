import { Severity } from '../../finding';
import { arrayAt, fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { KNOWN_CIPHER_SUITES, isKnownCipherSuite } from '../support/cipher-suites';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';

export const tlsCiphers: SidecarRule = {
  id: 'S-IN-TLS-CIPHERS',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'Ingress TLS cipher suites are known to Istio and listed once',
  why: 'Istio drops cipher suites it does not know and duplicates, with a warning: the listener then offers fewer suites than written, or none of those intended.',
  fix: 'Use the OpenSSL-style names Envoy supports, e.g. ECDHE-RSA-AES256-GCM-SHA384, each once.',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, cipherSuites: ['NOT-A-CIPHER'] } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, cipherSuites: ['ECDHE-RSA-AES256-GCM-SHA384'] } }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      const listPath = fieldPath(path, 'cipherSuites');
      const firstIndex = new Map<string, number>();
      (arrayAt(tls, 'cipherSuites') ?? []).forEach((entry, index) => {
        if (typeof entry !== 'string') return;
        const where = fieldPath(listPath, index);
        if (!isKnownCipherSuite(entry)) {
          report(where, `cipher suite ${JSON.stringify(entry)} is unknown to Istio, which drops it: use one of ${KNOWN_CIPHER_SUITES.join(', ')}`);
          return;
        }
        const first = firstIndex.get(entry);
        if (first === undefined) {
          firstIndex.set(entry, index);
        } else {
          report(where, `cipher suite ${JSON.stringify(entry)} is already listed at ${fieldPath(listPath, first)}: Istio drops the duplicate; remove it`);
        }
      });
    }
  },
};
