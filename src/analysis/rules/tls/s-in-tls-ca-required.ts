import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { effectiveMode, isMissingText } from '../support/tls-settings';

const MUTUAL_MODES: readonly string[] = ['MUTUAL', 'OPTIONAL_MUTUAL'];

export const tlsCaRequired: SidecarRule = {
  id: 'S-IN-TLS-CA-REQUIRED',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Mutual ingress TLS names caCertificates',
  why: 'Istio rejects MUTUAL and OPTIONAL_MUTUAL ingress TLS without a client CA bundle: without it the sidecar cannot verify client certificates.',
  fix: 'Set caCertificates to the path of the CA bundle file mounted into the sidecar, or use mode SIMPLE.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, mode: 'MUTUAL' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, mode: 'MUTUAL', caCertificates: '/etc/certs/ca.pem' } }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      const mode = effectiveMode(tls);
      if (mode === undefined || !MUTUAL_MODES.includes(mode) || !isMissingText(tls, 'caCertificates')) continue;
      report(
        path,
        `tls mode ${JSON.stringify(mode)} verifies client certificates, but caCertificates is missing: set it to the path of the client CA bundle mounted into the sidecar, or use mode SIMPLE`,
      );
    }
  },
};
