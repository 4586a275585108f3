import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { effectiveMode } from '../support/tls-settings';

const INTENDED = 'sidecar ingress TLS is meant for SIMPLE, MUTUAL or OPTIONAL_MUTUAL; set mode to one of them';

export const tlsModeDefaultPassthrough: SidecarRule = {
  id: 'S-IN-TLS-MODE-DEFAULT-PASSTHROUGH',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Ingress TLS sets its mode explicitly to SIMPLE, MUTUAL or OPTIONAL_MUTUAL',
  why: 'Istio reads an omitted mode (and "tls: {}") as PASSTHROUGH and accepts it, although sidecar ingress is documented for terminating modes only: the sidecar then terminates nothing and ignores the certificates.',
  fix: 'Set tls.mode to SIMPLE, MUTUAL or OPTIONAL_MUTUAL.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      if (effectiveMode(tls) !== 'PASSTHROUGH') continue;
      if (tls.mode === undefined || tls.mode === null) {
        report(path, `tls has no mode, which Istio reads as PASSTHROUGH: the sidecar would not terminate TLS and would ignore any certificate; ${INTENDED}`);
      } else {
        report(fieldPath(path, 'mode'), `tls mode "PASSTHROUGH" makes the sidecar ignore its certificates and terminate nothing; ${INTENDED}`);
      }
    }
  },
};
