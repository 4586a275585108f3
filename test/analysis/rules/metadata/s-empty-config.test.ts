import { describeRule } from '../../rule-cases';

describeRule('S-EMPTY-CONFIG', {
  good: [
    { name: 'egress only', spec: { egress: [{ hosts: ['./*'] }] } },
    { name: 'ingress only', spec: { ingress: [{ port: { number: 80 } }] } },
    { name: 'an empty outboundTrafficPolicy still counts', spec: { outboundTrafficPolicy: {} } },
    { name: 'inboundConnectionPool only', spec: { inboundConnectionPool: { tcp: { maxConnections: 10 } } } },
  ],
  bad: [
    {
      name: 'a selector alone -> error',
      spec: { workloadSelector: { labels: { app: 'a' } } },
      path: 'spec',
      message: 'the Sidecar configures nothing: set at least one of egress, ingress, outboundTrafficPolicy or inboundConnectionPool',
    },
    { name: 'an empty spec -> error', spec: {} },
    { name: 'an empty egress list -> error', spec: { egress: [] } },
    { name: 'no spec at all -> error', manifests: [{ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'x', namespace: 'y' } }] },
  ],
});
