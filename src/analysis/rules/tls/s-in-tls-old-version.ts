import { Severity } from '../../finding';
import { fieldPath, stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { isSet } from '../support/tls-settings';

const OLD_VERSIONS: readonly string[] = ['TLSV1_0', 'TLSV1_1'];

export const tlsOldVersion: SidecarRule = {
  id: 'S-IN-TLS-OLD-VERSION',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'Ingress TLS allowing TLS 1.0 or 1.1 lists its cipher suites',
  why: 'The default cipher suites no longer include any that TLS 1.0 and 1.1 clients can use, so a minProtocolVersion below TLSV1_2 without cipherSuites still leaves old clients unable to connect; Istio warns.',
  fix: 'List cipher suites the old clients support in cipherSuites, or raise minProtocolVersion to TLSV1_2.',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, minProtocolVersion: 'TLSV1_1' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { ...SIMPLE_TLS, minProtocolVersion: 'TLSV1_1', cipherSuites: ['ECDHE-RSA-AES128-SHA'] } }] })],
  },
  check(sidecar, report) {
    for (const { raw: tls, path } of sidecarView(sidecar).tls) {
      const version = stringAt(tls, 'minProtocolVersion');
      if (version === undefined || !OLD_VERSIONS.includes(version) || isSet(tls, 'cipherSuites')) continue;
      report(
        fieldPath(path, 'minProtocolVersion'),
        `tls.minProtocolVersion ${JSON.stringify(version)} has no cipherSuites: the default suites include none that TLS 1.0/1.1 clients can use; list compatible cipher suites, or raise it to "TLSV1_2"`,
      );
    }
  },
};
