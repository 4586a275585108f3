import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

describeRule('S-OTP-MODE-DEFAULT-REGISTRY-ONLY', {
  good: [
    { name: 'an explicit REGISTRY_ONLY', spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } },
    { name: 'an explicit ALLOW_ANY', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } },
    { name: 'no outboundTrafficPolicy keeps the mesh\'s mode', spec: { egress: [{ hosts: ['./*'] }] } },
    { name: 'outboundTrafficPolicy: null is no policy', spec: { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: null } },
    { name: 'an invalid mode is S-OTP-MODE-ENUM\'s', spec: { outboundTrafficPolicy: { mode: 'BLOCK' } } },
  ],
  bad: [
    {
      name: 'outboundTrafficPolicy: {} -> warning',
      spec: { outboundTrafficPolicy: {} },
      path: 'spec.outboundTrafficPolicy',
      message: 'outboundTrafficPolicy has no mode, so Istio uses REGISTRY_ONLY for this Sidecar, not the mesh\'s outboundTrafficPolicy mode: destinations outside the service registry are blocked; write mode: REGISTRY_ONLY or mode: ALLOW_ANY explicitly, or remove outboundTrafficPolicy to keep the mesh\'s mode',
    },
    {
      name: 'the mesh config says ALLOW_ANY -> warning naming it',
      spec: { outboundTrafficPolicy: {} },
      meshOutboundMode: 'ALLOW_ANY',
      severity: Severity.WARNING,
      message: /^outboundTrafficPolicy has no mode, so Istio uses REGISTRY_ONLY for this Sidecar, not the mesh's mode ALLOW_ANY \(from ConfigMap istio-system\/istio\):/,
    },
    {
      name: 'the mesh config says REGISTRY_ONLY -> only an info: the Sidecar behaves as the mesh does',
      spec: { outboundTrafficPolicy: {} },
      meshOutboundMode: 'REGISTRY_ONLY',
      severity: Severity.INFO,
      message: /^outboundTrafficPolicy has no mode, which means REGISTRY_ONLY, the same as the mesh's mode \(from ConfigMap istio-system\/istio\), so nothing changes today/,
    },
    { name: 'mode: null -> warning', spec: { outboundTrafficPolicy: { mode: null } }, count: 1 },
    { name: 'an egress proxy without a mode -> warning', spec: { outboundTrafficPolicy: { egressProxy: { host: 'p.infra.svc.cluster.local', port: { number: 3128 } } } }, count: 1 },
  ],
});
