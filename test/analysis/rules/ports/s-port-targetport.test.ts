import { describeRule } from '../../rule-cases';

describeRule('S-PORT-TARGETPORT', {
  good: [
    { name: 'no targetPort', spec: { ingress: [{ port: { number: 9080 } }], egress: [{ port: { number: 80 }, hosts: ['./*'] }] } },
    { name: 'targetPort 0 counts as unset', spec: { ingress: [{ port: { number: 9080, targetPort: 0 } }] } },
    { name: 'a port-less egress listener has no port to check', spec: { egress: [{ hosts: ['./*'] }] } },
    { name: 'a negative or quoted targetPort is the schema rule\'s', spec: { ingress: [{ port: { number: 1, targetPort: -1 } }, { port: { number: 2, targetPort: '8080' } }] } },
  ],
  bad: [
    {
      name: 'targetPort on an ingress port -> error',
      spec: { ingress: [{ port: { number: 9080, targetPort: 8080 } }] },
      path: 'spec.ingress[0].port.targetPort',
      message: 'ingress port targetPort 8080 has no effect on a Sidecar, and Istio rejects it; remove targetPort (to forward to another port of the workload, set defaultEndpoint, e.g. "127.0.0.1:8080")',
    },
    {
      name: 'targetPort on an egress port -> error',
      spec: { egress: [{ port: { number: 80, targetPort: 8080 }, hosts: ['./*'] }] },
      path: 'spec.egress[0].port.targetPort',
      message: 'egress port targetPort 8080 has no effect on a Sidecar, and Istio rejects it; remove targetPort',
    },
    { name: 'targetPort on a Unix-socket egress port -> error', spec: { egress: [{ port: { targetPort: 1 }, bind: 'unix:///a.sock', hosts: ['./*'] }] }, count: 1 },
    {
      name: 'every targetPort is reported',
      spec: { ingress: [{ port: { number: 1, targetPort: 2 } }, { port: { number: 3, targetPort: 4 } }], egress: [{ port: { number: 5, targetPort: 6 }, hosts: ['./*'] }] },
      paths: ['spec.ingress[0].port.targetPort', 'spec.ingress[1].port.targetPort', 'spec.egress[0].port.targetPort'],
    },
  ],
});
