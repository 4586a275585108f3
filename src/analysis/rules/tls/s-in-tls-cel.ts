import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { HTTPS_PORT, SIMPLE_TLS, sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

// The model owns which pairs are exclusive and which lists are sized (SERVER_TLS_SCHEMA).

export const tlsCel = schemaRule({
  id: 'S-IN-TLS-CEL',
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
}, (problem) => {
  if (problem.kind === 'exclusive') {
    const [a, b] = problem.fields ?? [];
    return `tls sets both ${a} and ${b}: the Sidecar CRD allows only one of them; on a Sidecar, use serverCertificate and privateKey files instead of either`;
  }
  const count = Array.isArray(problem.value) ? problem.value.length : 0;
  return `tls.${String(problem.key)} has ${count} items: the Sidecar CRD requires 1 or 2; on a Sidecar, use serverCertificate and privateKey files instead`;
});
