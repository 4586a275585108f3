import { describeRule } from '../../rule-cases';

describeRule('S-PORT-NAME', {
  good: [
    { name: 'DNS-label names on both listener kinds', spec: { ingress: [{ port: { number: 80, name: 'http-web' } }], egress: [{ port: { number: 81, name: 'tcp1' }, hosts: ['./*'] }] } },
    { name: 'upper case passes Istio\'s regex', spec: { ingress: [{ port: { number: 80, name: 'HTTP-Web' } }] } },
    { name: 'the name is optional, and empty means none', spec: { ingress: [{ port: { number: 80 } }, { port: { number: 81, name: '' } }] } },
    { name: 'a name on a Unix-socket egress port is checked the same way', spec: { egress: [{ port: { name: 'uds' }, bind: 'unix:///var/run/a.sock', hosts: ['./*'] }] } },
    { name: 'a non-string name is the schema rule\'s', spec: { ingress: [{ port: { number: 80, name: 8080 } }] } },
    { name: 'ports and listeners of the wrong type do not crash', spec: { ingress: [null, 'x', { port: 'http' }], egress: { port: { name: 'a_b' } } } },
    { name: 'the egress proxy port has no name field to check', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'a.com', port: { number: 1, name: 'a_b' } } } } },
  ],
  bad: [
    {
      name: 'an underscore -> error',
      spec: { ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http_9080' } }] },
      path: 'spec.ingress[0].port.name',
      message: 'ingress port name "http_9080" is invalid: expected a DNS label: at most 63 letters, digits and "-", starting and ending with a letter or digit, e.g. "http-web"',
    },
    { name: 'a dot on an egress port -> error', spec: { egress: [{ port: { number: 80, name: 'web.1' }, hosts: ['./*'] }] }, path: 'spec.egress[0].port.name', message: /^egress port name "web.1" is invalid/ },
    { name: 'a name on a Unix-socket egress port -> error', spec: { egress: [{ port: { name: 'uds_1' }, bind: 'unix:///a.sock', hosts: ['./*'] }] }, count: 1 },
    { name: 'a 64-character name -> error', spec: { ingress: [{ port: { number: 80, name: 'a'.repeat(64) } }] }, count: 1 },
    {
      name: 'every bad name is reported',
      spec: { ingress: [{ port: { number: 80, name: '-a' } }, { port: { number: 81, name: 'ok' } }], egress: [{ port: { number: 82, name: 'b-' }, hosts: ['./*'] }] },
      paths: ['spec.ingress[0].port.name', 'spec.egress[0].port.name'],
    },
  ],
});
