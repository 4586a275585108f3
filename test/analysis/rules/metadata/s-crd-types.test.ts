import { describeRule } from '../../rule-cases';

describeRule('S-CRD-TYPES', {
  good: [
    { name: 'well-typed fields', spec: { ingress: [{ port: { number: 9080, protocol: 'HTTP' }, connectionPool: { tcp: { maxConnections: 10 } } }] } },
    { name: 'null fields are pruned, not rejected', spec: { egress: [{ hosts: ['./*'], port: null, bind: null }] } },
    { name: 'an enum value outside the enum is the enum rules\' business', spec: { egress: [{ hosts: ['./*'], captureMode: 'TPROXY' }] } },
    { name: 'a negative port number is S-PORT-NUMBER-CRD\'s business', spec: { ingress: [{ port: { number: -1 } }] } },
    { name: 'a fractional port number is S-PORT-NUMBER-CRD\'s business', spec: { egress: [{ hosts: ['./*'], port: { number: 80.5 } }] } },
    { name: 'a null listener is S-IN-NULL\'s and S-EG-NULL\'s business', spec: { ingress: [null], egress: [null] } },
    { name: 'unknown fields are S-CRD-UNKNOWN-FIELDS\' business', spec: { egress: [{ hosts: ['./*'], hostz: 5 }] } },
    { name: 'a negative int32 is in the CRD range (the webhook rejects it)', spec: { inboundConnectionPool: { tcp: { maxConnections: -1 } } } },
  ],
  bad: [
    {
      name: 'an h2UpgradePolicy outside the CRD enum (lower case) -> error',
      spec: { inboundConnectionPool: { http: { h2UpgradePolicy: 'upgrade' } } },
      path: 'spec.inboundConnectionPool.http.h2UpgradePolicy',
    },
    {
      name: 'a TLS minProtocolVersion outside the CRD enum -> error',
      spec: { ingress: [{ port: { number: 443, protocol: 'HTTPS' }, tls: { mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k', minProtocolVersion: 'TLSV1_4' } }] },
      path: 'spec.ingress[0].tls.minProtocolVersion',
    },
    {
      name: 'egress as a string -> error',
      spec: { egress: 'foo' },
      path: 'spec.egress',
      message: 'spec.egress is the string "foo", but the Sidecar CRD expects a list here, so the API server rejects the Sidecar; change it to a list',
    },
    {
      name: 'a quoted port number -> error',
      spec: { ingress: [{ port: { number: '80' } }] },
      path: 'spec.ingress[0].port.number',
      message: 'spec.ingress[0].port.number is the string "80", but the Sidecar CRD expects a whole number from 0 to 4294967295 here, so the API server rejects the Sidecar; write 80 without quotes',
    },
    {
      name: 'a negative uint32 -> error',
      spec: { egress: [{ hosts: ['./*'], port: { number: 80, targetPort: -1 } }] },
      message: 'spec.egress[0].port.targetPort is the number -1, outside the Sidecar CRD\'s range 0..4294967295, so the API server rejects the Sidecar; use a number in that range',
    },
    {
      name: 'a non-string label value -> error',
      spec: { workloadSelector: { labels: { app: 1 } }, egress: [{ hosts: ['./*'] }] },
      message: 'spec.workloadSelector.labels.app is the number 1, but the Sidecar CRD expects a string here, so the API server rejects the Sidecar; quote it: "1"',
    },
    {
      name: 'hosts as a single string -> error suggesting a list',
      spec: { egress: [{ hosts: './*' }] },
      message: /expects a list here, so the API server rejects the Sidecar; write it as a list: \["\.\/\*"\]$/,
    },
    { name: 'a quoted boolean -> error', spec: { inboundConnectionPool: { http: { useClientProtocol: 'true' } } }, message: /write true without quotes$/ },
    { name: 'an int32 above its range -> error', spec: { inboundConnectionPool: { http: { maxRetries: 2147483648 } } }, message: /range -2147483648\.\.2147483647/ },
    { name: 'a fractional int32 -> error', spec: { inboundConnectionPool: { http: { maxRetries: 1.5 } } }, message: /use a whole number$/ },
    { name: 'a number as a duration -> error', spec: { inboundConnectionPool: { tcp: { connectTimeout: 5 } } }, message: /quote it: "5"$/ },
    { name: 'a null host -> error', spec: { egress: [{ hosts: ['./*', null] }] }, path: 'spec.egress[0].hosts[1]', message: /remove the empty item$/ },
    { name: 'a spec that is a list -> error', spec: [], path: 'spec' },
    { name: 'a quoted egress proxy port -> error', spec: { outboundTrafficPolicy: { egressProxy: { host: 'a.com', port: { number: '3128' } } } }, path: 'spec.outboundTrafficPolicy.egressProxy.port.number' },
    {
      name: 'every problem is reported',
      spec: { ingress: [{ port: { number: 80, name: 80 } }, { port: 'http' }], workloadSelector: 'app=a' },
      paths: ['spec.ingress[0].port.name', 'spec.ingress[1].port', 'spec.workloadSelector'],
    },
  ],
});
