import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-CREDENTIAL-NAME', {
  good: [
    { name: 'file certificates', spec: withTls(SIMPLE) },
    { name: 'an empty credentialName is not set', spec: withTls({ ...SIMPLE, credentialName: '' }) },
  ],
  bad: [
    {
      name: 'credentialName -> error',
      spec: withTls({ mode: 'SIMPLE', credentialName: 'my-secret' }),
      path: 'spec.ingress[0].tls.credentialName',
      message: 'tls.credentialName is not supported on a Sidecar: sidecars cannot load certificates from a Secret; mount the certificate into the sidecar '
        + 'and set serverCertificate and privateKey (and caCertificates for MUTUAL) to the file paths',
    },
    { name: 'with any mode -> error', spec: withTls({ mode: 'MUTUAL', credentialName: 'a' }, { credentialName: 'b' }), count: 2 },
  ],
});
