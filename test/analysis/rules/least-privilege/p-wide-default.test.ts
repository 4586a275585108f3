import { sidecar } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

describeRule('P-WIDE-DEFAULT', {
  good: [
    { name: 'a namespace default importing namespaces', manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*', 'istio-system/*'] }] })] },
    { name: 'a workload Sidecar importing "*/*": not a default', manifests: [sidecar('prod', 'web', { egress: [{ hosts: ['*/*'] }] }, { app: 'web' })] },
    { name: '"*/" with a host name is not "*/*"', manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['*/reviews.bookinfo.svc.cluster.local'] }] })] },
  ],
  bad: [
    {
      name: 'a namespace default importing "*/*" -> warning at the host',
      manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*', '*/*'] }] })],
      severity: Severity.WARNING,
      path: 'spec.egress[0].hosts[1]',
      message: 'this Sidecar is the default of namespace "prod" (no workloadSelector) and imports "*/*": every host of every namespace; import only the namespaces its workloads call',
    },
    {
      name: 'the mesh default importing "*/*" -> warning naming it the mesh default',
      manifests: [sidecar('istio-system', 'default', { egress: [{ hosts: ['*/*'] }] })],
      path: 'spec.egress[0].hosts[0]',
      message: /is the mesh default \(no workloadSelector, in the root namespace\)/,
    },
    {
      name: 'a default without egress (which imports "*/*") -> warning at spec',
      manifests: [sidecar('prod', 'default', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })],
      path: 'spec',
      message: /has no egress, which imports "\*\/\*"/,
    },
    {
      name: 'two listeners importing "*/*" -> one warning each',
      manifests: [sidecar('prod', 'default', { egress: [{ port: { number: 80, protocol: 'HTTP', name: 'http' }, hosts: ['*/*'] }, { hosts: ['*/*'] }] })],
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[1].hosts[0]'],
    },
  ],
});
