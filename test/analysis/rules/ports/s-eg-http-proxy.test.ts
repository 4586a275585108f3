import { describeRule } from '../../rule-cases';

describeRule('S-EG-HTTP-PROXY', {
  good: [
    { name: 'HTTP_PROXY on an egress listener', spec: { egress: [{ port: { number: 3128, protocol: 'HTTP_PROXY' }, hosts: ['*/*'] }] } },
    { name: 'HTTP on an ingress listener', spec: { ingress: [{ port: { number: 9080, protocol: 'HTTP' } }] } },
    { name: 'a non-string protocol does not crash', spec: { ingress: [{ port: { number: 9080, protocol: ['HTTP_PROXY'] } }] } },
  ],
  bad: [
    {
      name: 'HTTP_PROXY on an ingress listener -> warning',
      spec: { ingress: [{ port: { number: 9080, protocol: 'HTTP_PROXY' } }] },
      path: 'spec.ingress[0].port.protocol',
      message: 'ingress port protocol "HTTP_PROXY" is meant for egress listeners only (an outbound proxy port the application sends its HTTP requests through); use "HTTP" for inbound HTTP traffic',
    },
    { name: 'any letter case -> warning', spec: { ingress: [{ port: { number: 9080, protocol: 'http_proxy' } }] }, count: 1 },
    {
      name: 'every ingress listener is reported, egress ones are not',
      spec: {
        ingress: [{ port: { number: 1, protocol: 'HTTP_PROXY' } }, { port: { number: 2, protocol: 'HTTP_PROXY' } }],
        egress: [{ port: { number: 3, protocol: 'HTTP_PROXY' }, hosts: ['./*'] }],
      },
      paths: ['spec.ingress[0].port.protocol', 'spec.ingress[1].port.protocol'],
    },
  ],
});
