import { CERT, KEY, MUTUAL, SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

const INTENDED = 'sidecar ingress TLS is meant for SIMPLE, MUTUAL or OPTIONAL_MUTUAL; set mode to one of them';

describeRule('S-IN-TLS-MODE-DEFAULT-PASSTHROUGH', {
  good: [
    { name: 'explicit terminating modes', spec: withTls(SIMPLE, MUTUAL, { ...MUTUAL, mode: 'OPTIONAL_MUTUAL' }) },
    { name: 'no tls at all', spec: { ingress: [{ port: { number: 80, protocol: 'HTTP' } }] } },
    { name: 'gateway-only modes are S-IN-TLS-MODE-FORBIDDEN\'s', spec: withTls({ mode: 'ISTIO_MUTUAL' }) },
    { name: 'a wrong-typed mode is left to the schema rule', spec: withTls({ mode: ['SIMPLE'] }) },
  ],
  bad: [
    {
      name: 'certificates without a mode (PASSTHROUGH by default) -> error',
      spec: withTls({ serverCertificate: CERT, privateKey: KEY }),
      path: 'spec.ingress[0].tls',
      message: `tls has no mode, which Istio reads as PASSTHROUGH: the sidecar would not terminate TLS and would ignore any certificate; ${INTENDED}`,
    },
    { name: '"tls: {}" is PASSTHROUGH too -> error', spec: withTls({}), path: 'spec.ingress[0].tls' },
    { name: 'a null mode is omitted -> error', spec: withTls({ mode: null }), path: 'spec.ingress[0].tls' },
    {
      name: 'an explicit PASSTHROUGH -> error',
      spec: withTls({ mode: 'PASSTHROUGH' }),
      path: 'spec.ingress[0].tls.mode',
      message: `tls mode "PASSTHROUGH" makes the sidecar ignore its certificates and terminate nothing; ${INTENDED}`,
    },
  ],
});
