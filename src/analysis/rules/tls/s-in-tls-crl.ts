import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { effectiveMode, isSet } from '../support/tls-settings';

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
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      if (effectiveMode(tls) !== 'SIMPLE' || !isSet(tls, 'caCrl')) continue;
      report(
        fieldPath(path, 'caCrl'),
        'tls.caCrl is not supported with mode "SIMPLE": a revocation list checks client certificates, which SIMPLE never asks for; remove caCrl, or use MUTUAL or OPTIONAL_MUTUAL with caCertificates',
      );
    }
  },
};
