import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

describeRule('S-IN-TLS-HTTPS-REDIRECT', {
  good: [
    { name: 'no httpsRedirect', spec: withTls(SIMPLE) },
    { name: 'httpsRedirect: false', spec: withTls({ ...SIMPLE, httpsRedirect: false }) },
    { name: 'a wrong-typed value is left to the schema rule', spec: withTls({ ...SIMPLE, httpsRedirect: 'true' }) },
  ],
  bad: [
    {
      name: 'httpsRedirect: true -> error',
      spec: withTls({ ...SIMPLE, httpsRedirect: true }),
      path: 'spec.ingress[0].tls.httpsRedirect',
      message: 'tls.httpsRedirect is not supported on a Sidecar: Istio rejects httpsRedirect: true on sidecar ingress TLS; remove it (redirects belong on a Gateway)',
    },
    { name: 'also without a mode', spec: withTls({ httpsRedirect: true }) },
  ],
});
