import { CERT, KEY, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

const CERTS = [{ serverCertificate: CERT, privateKey: KEY }];

describeRule('S-IN-TLS-CEL', {
  good: [
    { name: 'file certificates only', spec: withTls(SIMPLE) },
    { name: 'one certificate source at a time (the webhook rules reject each on a Sidecar)', spec: withTls({ credentialName: 'a' }, { credentialNames: ['a', 'b'] }, { tlsCertificates: CERTS }) },
    {
      name: 'credentialName with tlsCertificates passes the CRD (its third rule re-tests credentialNames)',
      spec: withTls({ mode: 'SIMPLE', credentialName: 'a', tlsCertificates: CERTS }),
    },
    { name: 'a wrong-typed list is left to the schema rule', spec: withTls({ credentialNames: 'a' }) },
  ],
  bad: [
    {
      name: 'credentialName with credentialNames -> error',
      spec: withTls({ mode: 'SIMPLE', credentialName: 'a', credentialNames: ['b'] }),
      path: 'spec.ingress[0].tls',
      message: 'tls sets both credentialName and credentialNames: the Sidecar CRD allows only one of them; on a Sidecar, use serverCertificate and privateKey files instead of either',
    },
    { name: 'credentialNames with tlsCertificates -> error', spec: withTls({ credentialNames: ['b'], tlsCertificates: CERTS }), message: /both credentialNames and tlsCertificates/ },
    { name: 'an empty credentialName is still present for the CRD -> error', spec: withTls({ credentialName: '', credentialNames: ['b'] }), count: 1 },
    {
      name: 'three credential names -> error',
      spec: withTls({ credentialNames: ['a', 'b', 'c'] }),
      path: 'spec.ingress[0].tls.credentialNames',
      message: 'tls.credentialNames has 3 items: the Sidecar CRD requires 1 or 2; on a Sidecar, use serverCertificate and privateKey files instead',
    },
    { name: 'an empty tlsCertificates list -> error', spec: withTls({ tlsCertificates: [] }), path: 'spec.ingress[0].tls.tlsCertificates' },
    { name: 'all three sources at once -> two pair errors', spec: withTls({ credentialName: 'a', credentialNames: ['b'], tlsCertificates: CERTS }), count: 2 },
  ],
});
