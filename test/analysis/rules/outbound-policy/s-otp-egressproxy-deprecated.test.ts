import { describeRule } from '../../rule-cases';

describeRule('S-OTP-EGRESSPROXY-DEPRECATED', {
  good: [
    { name: 'ALLOW_ANY without a proxy', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } },
    { name: 'egressProxy: null', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: null } } },
    { name: 'no policy', spec: { egress: [{ hosts: ['./*'] }] } },
  ],
  bad: [
    {
      name: 'an egress proxy -> warning',
      spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'p.infra.svc.cluster.local', port: { number: 3128 } } } },
      path: 'spec.outboundTrafficPolicy.egressProxy',
      message: 'egressProxy is deprecated: istioctl analyze reports it as ignored (IST0002) and Istio no longer documents it, although istiod still sends unknown traffic to it; declare external destinations with ServiceEntries or route them through an egress gateway, and remove egressProxy',
    },
    { name: 'even an empty one -> warning', spec: { outboundTrafficPolicy: { egressProxy: {} } }, count: 1 },
  ],
});
