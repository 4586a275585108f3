import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-SAN', {
  good: [
    { name: 'no subjectAltNames', spec: withTls(SIMPLE) },
    { name: 'an empty list is not set', spec: withTls({ ...SIMPLE, subjectAltNames: [] }) },
  ],
  bad: [
    {
      name: 'subjectAltNames -> error',
      spec: withTls({ ...SIMPLE, subjectAltNames: ['a.com'] }),
      path: 'spec.ingress[0].tls.subjectAltNames',
      message: 'tls.subjectAltNames is not supported on a Sidecar: Istio rejects it on sidecar ingress TLS; remove it '
        + '(with MUTUAL, verifyCertificateSpki or verifyCertificateHash can pin client certificates)',
    },
    { name: 'every listener is reported', spec: withTls({ subjectAltNames: ['a'] }, { subjectAltNames: ['b'] }), count: 2 },
  ],
});
