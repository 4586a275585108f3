import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { HTTPS_PORT, SIMPLE_TLS, effectiveMode, ingressTlsBlocks, isSet } from '../support/ingress-tls';

export const tlsCrl: SidecarRule = {
  id: 'S-IN-TLS-CRL',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Ingress TLS with mode SIMPLE does not set caCrl',
  why: 'Istio rejects a certificate revocation list with SIMPLE TLS: a CRL checks client certificates, which only MUTUAL and OPTIONAL_MUTUAL ask for.',
  fix: 'Remove caCrl, or switch to MUTUAL or OPTIONAL_MUTUAL with caCertificates.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, caCrl: '/etc/certs/crl.pem' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, mode: 'MUTUAL', caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/crl.pem' } }] })],
  },
  check(sidecar, report) {
    for (const { tls, path } of ingressTlsBlocks(sidecar)) {
      if (effectiveMode(tls) !== 'SIMPLE' || !isSet(tls, 'caCrl')) continue;
      report(
        fieldPath(path, 'caCrl'),
        'tls.caCrl is not supported with mode "SIMPLE": a revocation list checks client certificates, which SIMPLE never asks for; remove caCrl, or use MUTUAL or OPTIONAL_MUTUAL with caCertificates',
      );
    }
  },
};
