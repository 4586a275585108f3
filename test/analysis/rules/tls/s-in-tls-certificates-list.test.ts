import { CERT, KEY, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-CERTIFICATES-LIST', {
  good: [
    { name: 'serverCertificate and privateKey files', spec: withTls(SIMPLE) },
    { name: 'an empty list is not set', spec: withTls({ ...SIMPLE, tlsCertificates: [] }) },
  ],
  bad: [
    {
      name: 'tlsCertificates -> error',
      spec: withTls({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: CERT, privateKey: KEY }] }),
      path: 'spec.ingress[0].tls.tlsCertificates',
      message: 'tls.tlsCertificates is not supported on a Sidecar: Istio rejects the certificate list on sidecar ingress TLS; '
        + 'set serverCertificate and privateKey to the file paths of one certificate instead',
    },
  ],
});
