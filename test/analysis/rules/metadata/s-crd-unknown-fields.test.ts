import { describeRule, sidecarManifest } from '../../rule-cases';

describeRule('S-CRD-UNKNOWN-FIELDS', {
  good: [
    { name: 'only CRD fields', spec: { egress: [{ hosts: ['./*'], port: { number: 80, targetPort: 0 } }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } },
    { name: 'TLS fields the webhook rejects are still valid schema', spec: { ingress: [{ port: { number: 443 }, tls: { credentialName: 'c', subjectAltNames: ['a'] } }] } },
    { name: 'free-form label keys are not fields', spec: { workloadSelector: { labels: { 'anything/at-all': 'x' } }, egress: [{ hosts: ['./*'] }] } },
    { name: 'unknown fields under status are preserved', manifests: [{ ...sidecarManifest({ egress: [{ hosts: ['./*'] }] }), status: { foo: 1 } }] },
    { name: 'a spec of the wrong type has no fields to check', spec: 'egress' },
    { name: 'no spec', manifests: [{ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'x' } }] },
  ],
  bad: [
    {
      name: 'a misspelt egress field -> error with a suggestion',
      spec: { egress: [{ hostz: ['./*'], hosts: ['istio-system/*'] }] },
      path: 'spec.egress[0].hostz',
      message: 'spec.egress[0] has no field "hostz" in the Sidecar CRD: the API server drops it silently, or rejects the Sidecar under strict field validation; did you mean "hosts"?',
    },
    {
      name: 'a field with no near miss -> error listing the known fields',
      spec: { egress: [{ hosts: ['./*'], timeout: '5s' }] },
      message: 'spec.egress[0] has no field "timeout" in the Sidecar CRD: the API server drops it silently, or rejects the Sidecar under strict field validation; remove it (the fields known here are bind, captureMode, hosts and port)',
    },
    { name: 'snake_case spelling -> error', spec: { egress: [{ hosts: ['./*'] }], outbound_traffic_policy: {} }, message: /did you mean "outboundTrafficPolicy"\?$/ },
    { name: 'an ingress-only field on an egress listener -> error', spec: { egress: [{ hosts: ['./*'], defaultEndpoint: '127.0.0.1:80' }] }, path: 'spec.egress[0].defaultEndpoint' },
    { name: 'a deep field in a connection pool -> error', spec: { inboundConnectionPool: { tcp: { maxConnection: 10 } } }, message: /did you mean "maxConnections"\?$/ },
    { name: 'a selector field next to labels -> error', spec: { workloadSelector: { matchLabels: { app: 'a' } }, egress: [{ hosts: ['./*'] }] }, path: 'spec.workloadSelector.matchLabels' },
    {
      name: 'every unknown field is reported',
      spec: { egress: [{ hosts: ['./*'], hostz: [] }, { hosts: ['./*'], prot: {} }], ingres: [] },
      paths: ['spec.egress[0].hostz', 'spec.egress[1].prot', 'spec.ingres'],
    },
  ],
});
