import { CERT, KEY, MUTUAL, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-CA-REQUIRED', {
  good: [
    { name: 'MUTUAL and OPTIONAL_MUTUAL with a CA bundle', spec: withTls(MUTUAL, { ...MUTUAL, mode: 'OPTIONAL_MUTUAL' }) },
    { name: 'SIMPLE needs no CA bundle', spec: withTls(SIMPLE) },
    { name: 'PASSTHROUGH needs no CA bundle', spec: withTls({}) },
  ],
  bad: [
    {
      name: 'MUTUAL without caCertificates -> error',
      spec: withTls({ mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY }),
      path: 'spec.ingress[0].tls',
      message: 'tls mode "MUTUAL" verifies client certificates, but caCertificates is missing: set it to the path of the client CA bundle mounted into the sidecar, or use mode SIMPLE',
    },
    { name: 'OPTIONAL_MUTUAL without caCertificates -> error', spec: withTls({ ...MUTUAL, mode: 'OPTIONAL_MUTUAL', caCertificates: '' }), message: /"OPTIONAL_MUTUAL"/ },
  ],
});
