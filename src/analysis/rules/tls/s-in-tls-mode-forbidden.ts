import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { effectiveMode } from '../support/tls-settings';

const FORBIDDEN_MODES: readonly string[] = ['ISTIO_MUTUAL', 'AUTO_PASSTHROUGH'];

export const tlsModeForbidden: SidecarRule = {
  id: 'S-IN-TLS-MODE-FORBIDDEN',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Ingress TLS mode is not ISTIO_MUTUAL or AUTO_PASSTHROUGH',
  why: 'Istio rejects these gateway-only modes on sidecar ingress: mesh mTLS is configured with PeerAuthentication, not here.',
  fix: 'Use mode SIMPLE, MUTUAL or OPTIONAL_MUTUAL with file certificates, or remove tls and let PeerAuthentication handle mesh mTLS.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { mode: 'ISTIO_MUTUAL' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      const mode = effectiveMode(tls);
      if (mode === undefined || !FORBIDDEN_MODES.includes(mode)) continue;
      report(
        fieldPath(path, 'mode'),
        `tls mode ${JSON.stringify(mode)} is not allowed on sidecar ingress: use SIMPLE, MUTUAL or OPTIONAL_MUTUAL with file certificates (mesh mTLS is set with PeerAuthentication)`,
      );
    }
  },
};
