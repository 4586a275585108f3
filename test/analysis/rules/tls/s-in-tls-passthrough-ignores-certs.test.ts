import { CA, CERT, KEY, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-PASSTHROUGH-IGNORES-CERTS', {
  good: [
    { name: 'PASSTHROUGH without certificates', spec: withTls({}, { mode: 'PASSTHROUGH' }) },
    { name: 'SIMPLE uses its certificates', spec: withTls(SIMPLE) },
    { name: 'empty certificate fields are not set', spec: withTls({ serverCertificate: '', tlsCertificates: [] }) },
  ],
  bad: [
    {
      name: 'certificates without a mode (PASSTHROUGH by default) -> warning',
      spec: withTls({ serverCertificate: CERT, privateKey: KEY }),
      path: 'spec.ingress[0].tls',
      message: 'tls has no mode, which Istio reads as PASSTHROUGH, so the sidecar does not terminate TLS and ignores serverCertificate, privateKey: '
        + 'set mode to SIMPLE, MUTUAL or OPTIONAL_MUTUAL to use them, or remove them',
    },
    {
      name: 'an explicit PASSTHROUGH with a CA bundle and CRL -> warning',
      spec: withTls({ mode: 'PASSTHROUGH', caCertificates: CA, caCrl: '/crl.pem' }),
      message: /^tls mode is "PASSTHROUGH", so the sidecar does not terminate TLS and ignores caCertificates, caCrl:/,
    },
    { name: 'AUTO_PASSTHROUGH also ignores them -> warning', spec: withTls({ mode: 'AUTO_PASSTHROUGH', credentialName: 'x' }) },
  ],
});
