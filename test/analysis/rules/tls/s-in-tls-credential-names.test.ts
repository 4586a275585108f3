import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-CREDENTIAL-NAMES', {
  good: [
    { name: 'file certificates', spec: withTls(SIMPLE) },
    { name: 'an empty list is not set (the CRD rule reports its size)', spec: withTls({ ...SIMPLE, credentialNames: [] }) },
  ],
  bad: [
    {
      name: 'credentialNames -> error',
      spec: withTls({ mode: 'SIMPLE', credentialNames: ['rsa', 'ecdsa'] }),
      path: 'spec.ingress[0].tls.credentialNames',
      message: /^tls\.credentialNames is not supported on a Sidecar: sidecars cannot load certificates from Secrets/,
    },
  ],
});
