import { sidecar } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

describeRule('P-ALLOW-ANY', {
  good: [
    { name: 'REGISTRY_ONLY', manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })] },
    { name: 'no outbound policy', manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }] })] },
    { name: 'an outbound policy without a mode (REGISTRY_ONLY)', manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: {} })] },
  ],
  bad: [
    {
      name: 'a namespace default with ALLOW_ANY -> warning at the mode',
      manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } })],
      severity: Severity.WARNING,
      path: 'spec.outboundTrafficPolicy.mode',
      message: 'this Sidecar sets outboundTrafficPolicy ALLOW_ANY: its proxies pass calls outside their scope through to any destination; set REGISTRY_ONLY and import what they call',
    },
    {
      name: 'a workload Sidecar with ALLOW_ANY -> warning',
      manifests: [sidecar('prod', 'web', { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }, { app: 'web' })],
      subjects: ['web'],
    },
  ],
});
