import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-OLD-VERSION', {
  good: [
    { name: 'TLS 1.1 with cipher suites', spec: withTls({ ...SIMPLE, minProtocolVersion: 'TLSV1_1', cipherSuites: ['ECDHE-RSA-AES128-SHA'] }) },
    { name: 'TLS 1.2 and later need no cipher suites', spec: withTls({ ...SIMPLE, minProtocolVersion: 'TLSV1_2' }, { ...SIMPLE, minProtocolVersion: 'TLSV1_3' }) },
    { name: 'no minimum version', spec: withTls(SIMPLE) },
  ],
  bad: [
    {
      name: 'TLS 1.1 without cipher suites -> warning',
      spec: withTls({ ...SIMPLE, minProtocolVersion: 'TLSV1_1' }),
      path: 'spec.ingress[0].tls.minProtocolVersion',
      message: 'tls.minProtocolVersion "TLSV1_1" has no cipherSuites: the default suites include none that TLS 1.0/1.1 clients can use; '
        + 'list compatible cipher suites, or raise it to "TLSV1_2"',
    },
    { name: 'TLS 1.0 with an empty cipher list -> warning', spec: withTls({ ...SIMPLE, minProtocolVersion: 'TLSV1_0', cipherSuites: [] }) },
  ],
});
