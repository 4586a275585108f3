import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

const ciphers = (...cipherSuites: unknown[]) => withTls({ ...SIMPLE, cipherSuites });

describeRule('S-IN-TLS-CIPHERS', {
  good: [
    { name: 'known suites, each once', spec: ciphers('ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'DES-CBC3-SHA') },
    { name: '"" and "ALL" are accepted', spec: ciphers('', 'ALL') },
    { name: 'expressions starting with "-", "+" or "!" are not checked', spec: ciphers('-AES128-SHA', '+FOO', '!aNULL', '[ECDHE-RSA-AES128-GCM-SHA256|ECDHE-RSA-CHACHA20-POLY1305]') },
    { name: 'wrong-typed entries are left to the schema rule', spec: ciphers(5, null) },
  ],
  bad: [
    {
      name: 'an unknown suite -> warning',
      spec: ciphers('NOT-A-CIPHER'),
      path: 'spec.ingress[0].tls.cipherSuites[0]',
      message: 'cipher suite "NOT-A-CIPHER" is unknown to Istio, which drops it: use one of ECDHE-ECDSA-AES128-GCM-SHA256, ECDHE-RSA-AES128-GCM-SHA256, '
        + 'ECDHE-ECDSA-AES256-GCM-SHA384, ECDHE-RSA-AES256-GCM-SHA384, ECDHE-ECDSA-CHACHA20-POLY1305, ECDHE-RSA-CHACHA20-POLY1305, ECDHE-ECDSA-AES128-SHA, '
        + 'ECDHE-RSA-AES128-SHA, ECDHE-ECDSA-AES256-SHA, ECDHE-RSA-AES256-SHA, AES128-GCM-SHA256, AES256-GCM-SHA384, AES128-SHA, AES256-SHA, DES-CBC3-SHA',
    },
    {
      name: 'a duplicate suite -> warning on the repeat',
      spec: ciphers('AES128-SHA', 'AES256-SHA', 'AES128-SHA'),
      path: 'spec.ingress[0].tls.cipherSuites[2]',
      message: 'cipher suite "AES128-SHA" is already listed at spec.ingress[0].tls.cipherSuites[0]: Istio drops the duplicate; remove it',
      count: 1,
    },
    { name: 'names are case-sensitive -> warning', spec: ciphers('ecdhe-rsa-aes128-sha'), count: 1 },
    { name: 'an unknown suite listed twice -> a warning per entry', spec: ciphers('FOO', 'FOO'), paths: ['spec.ingress[0].tls.cipherSuites[0]', 'spec.ingress[0].tls.cipherSuites[1]'] },
    { name: 'a name starting with a non-ASCII letter is checked -> warning', spec: ciphers('ÉCDHE') },
    { name: 'unchecked expressions can still be duplicates -> warning', spec: ciphers('-AES128-SHA', '-AES128-SHA'), count: 1 },
  ],
});
