import { describeRule } from '../../rule-cases';

const proxy = { host: 'foo.bar', port: { number: 5000 } };

describeRule('S-OTP-EGRESSPROXY-REQUIRES-ALLOW-ANY', {
  good: [
    { name: 'ALLOW_ANY with a proxy', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: proxy } } },
    { name: 'REGISTRY_ONLY without a proxy', spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } },
    { name: 'egressProxy: null is no proxy', spec: { outboundTrafficPolicy: { egressProxy: null } } },
    { name: 'an invalid mode is S-OTP-MODE-ENUM\'s', spec: { outboundTrafficPolicy: { mode: 'allow_any', egressProxy: proxy } } },
  ],
  bad: [
    {
      name: 'a proxy without a mode (REGISTRY_ONLY) -> error',
      spec: { outboundTrafficPolicy: { egressProxy: proxy } },
      path: 'spec.outboundTrafficPolicy.egressProxy',
      message: 'egressProxy needs mode ALLOW_ANY, but outboundTrafficPolicy has no mode, which means REGISTRY_ONLY: set mode: ALLOW_ANY, or remove egressProxy',
    },
    {
      name: 'a proxy with REGISTRY_ONLY -> error',
      spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY', egressProxy: proxy } },
      message: 'egressProxy needs mode ALLOW_ANY, but outboundTrafficPolicy mode is "REGISTRY_ONLY", which never sends traffic to unknown destinations: set mode: ALLOW_ANY, or remove egressProxy',
    },
    { name: 'an empty proxy with no mode -> error', spec: { outboundTrafficPolicy: { egressProxy: {} } }, count: 1 },
  ],
});
