import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { HTTPS_PORT, SIMPLE_TLS, ingressTlsBlocks, isPresent } from '../support/ingress-tls';

// The CRD's third rule claims to forbid credentialName with tlsCertificates but re-tests
// credentialNames with tlsCertificates (an upstream bug), so only these two pairs are enforced.
const EXCLUSIVE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['credentialNames', 'tlsCertificates'],
  ['credentialName', 'credentialNames'],
];
const SIZED_LISTS: readonly string[] = ['credentialNames', 'tlsCertificates'];

export const tlsCel: SidecarRule = {
  id: 'S-IN-TLS-CEL',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Ingress TLS passes the CRD\'s certificate-source rules',
  why: 'The Sidecar CRD rejects credentialNames together with tlsCertificates or credentialName, and a credentialNames or tlsCertificates list without 1 or 2 items, before Istio\'s webhook runs.',
  fix: 'Remove credentialName, credentialNames and tlsCertificates: on a Sidecar, give the certificate as serverCertificate and privateKey files.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: { mode: 'SIMPLE', credentialName: 'a', credentialNames: ['b'] } }] })],
    passing: [sidecarManifest({ ingress: [{ port: HTTPS_PORT, tls: SIMPLE_TLS }] })],
  },
  check(sidecar, report) {
    for (const { tls, path } of ingressTlsBlocks(sidecar)) {
      for (const [a, b] of EXCLUSIVE_PAIRS) {
        if (isPresent(tls, a) && isPresent(tls, b)) {
          report(path, `tls sets both ${a} and ${b}: the Sidecar CRD allows only one of them; on a Sidecar, use serverCertificate and privateKey files instead of either`);
        }
      }
      for (const key of SIZED_LISTS) {
        const list = tls[key];
        if (Array.isArray(list) && (list.length < 1 || list.length > 2)) {
          report(fieldPath(path, key), `tls.${key} has ${list.length} items: the Sidecar CRD requires 1 or 2; on a Sidecar, use serverCertificate and privateKey files instead`);
        }
      }
    }
  },
};
