import { MUTUAL, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-MODE-FORBIDDEN', {
  good: [
    { name: 'SIMPLE, MUTUAL and OPTIONAL_MUTUAL', spec: withTls(SIMPLE, MUTUAL, { ...MUTUAL, mode: 'OPTIONAL_MUTUAL' }) },
    { name: 'an omitted mode (PASSTHROUGH) is S-IN-TLS-MODE-DEFAULT-PASSTHROUGH\'s', spec: withTls({}) },
    { name: 'a wrong-typed mode is left to the schema rule', spec: withTls({ mode: 4 }) },
  ],
  bad: [
    {
      name: 'ISTIO_MUTUAL -> error',
      spec: withTls({ mode: 'ISTIO_MUTUAL' }),
      path: 'spec.ingress[0].tls.mode',
      message: 'tls mode "ISTIO_MUTUAL" is not allowed on sidecar ingress: use SIMPLE, MUTUAL or OPTIONAL_MUTUAL with file certificates (mesh mTLS is set with PeerAuthentication)',
    },
    { name: 'AUTO_PASSTHROUGH -> error', spec: withTls({ mode: 'AUTO_PASSTHROUGH' }), message: /"AUTO_PASSTHROUGH" is not allowed/ },
    { name: 'every listener is reported', spec: withTls({ mode: 'ISTIO_MUTUAL' }, SIMPLE, { mode: 'AUTO_PASSTHROUGH' }), paths: ['spec.ingress[0].tls.mode', 'spec.ingress[2].tls.mode'] },
  ],
});
