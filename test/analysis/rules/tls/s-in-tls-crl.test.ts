import { MUTUAL, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

const CRL = '/etc/certs/crl.pem';

describeRule('S-IN-TLS-CRL', {
  good: [
    { name: 'a CRL with MUTUAL or OPTIONAL_MUTUAL', spec: withTls({ ...MUTUAL, caCrl: CRL }, { ...MUTUAL, mode: 'OPTIONAL_MUTUAL', caCrl: CRL }) },
    { name: 'SIMPLE without a CRL', spec: withTls(SIMPLE) },
    { name: 'an empty caCrl is not set', spec: withTls({ ...SIMPLE, caCrl: '' }) },
    { name: 'a CRL with PASSTHROUGH is S-IN-TLS-PASSTHROUGH-IGNORES-CERTS\'s', spec: withTls({ caCrl: CRL }) },
  ],
  bad: [
    {
      name: 'caCrl with SIMPLE -> error',
      spec: withTls({ ...SIMPLE, caCrl: CRL }),
      path: 'spec.ingress[0].tls.caCrl',
      message: 'tls.caCrl is not supported with mode "SIMPLE": a revocation list checks client certificates, which SIMPLE never asks for; '
        + 'remove caCrl, or use MUTUAL or OPTIONAL_MUTUAL with caCertificates',
    },
  ],
});
