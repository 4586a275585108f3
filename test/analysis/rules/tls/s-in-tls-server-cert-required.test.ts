import { CA, CERT, KEY, MUTUAL, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-SERVER-CERT-REQUIRED', {
  good: [
    { name: 'SIMPLE with both files', spec: withTls(SIMPLE) },
    { name: 'MUTUAL and OPTIONAL_MUTUAL with both files', spec: withTls(MUTUAL, { ...MUTUAL, mode: 'OPTIONAL_MUTUAL' }) },
    { name: 'PASSTHROUGH needs no certificate', spec: withTls({}, { mode: 'PASSTHROUGH' }) },
    { name: 'a wrong-typed certificate is left to the schema rule', spec: withTls({ mode: 'SIMPLE', serverCertificate: 1, privateKey: KEY }) },
  ],
  bad: [
    {
      name: 'SIMPLE without a private key -> error',
      spec: withTls({ mode: 'SIMPLE', serverCertificate: CERT }),
      path: 'spec.ingress[0].tls',
      message: 'tls mode "SIMPLE" needs serverCertificate and privateKey, but privateKey is missing: set them to the paths of the certificate and key files mounted into the sidecar',
    },
    {
      name: 'MUTUAL with neither file -> error',
      spec: withTls({ mode: 'MUTUAL', caCertificates: CA }),
      message: 'tls mode "MUTUAL" needs serverCertificate and privateKey, but serverCertificate and privateKey are missing: '
        + 'set them to the paths of the certificate and key files mounted into the sidecar',
    },
    { name: 'an empty string is missing -> error', spec: withTls({ ...SIMPLE, serverCertificate: '' }), message: /but serverCertificate is missing/ },
    { name: 'credentialName does not replace the files on a Sidecar -> error', spec: withTls({ mode: 'SIMPLE', credentialName: 'my-secret' }) },
    { name: 'every listener is reported', spec: withTls({ mode: 'SIMPLE' }, SIMPLE, { mode: 'OPTIONAL_MUTUAL', caCertificates: CA }), paths: ['spec.ingress[0].tls', 'spec.ingress[2].tls'] },
  ],
});
