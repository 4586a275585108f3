import { describeRule } from '../../rule-cases';

const withPort = (port: unknown) => ({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'p.infra.svc.cluster.local', port } } });

describeRule('S-OTP-EGRESSPROXY-PORT', {
  good: [
    { name: '3128', spec: withPort({ number: 3128 }) },
    { name: '1 and 65535 are in range', spec: withPort({ number: 65535 }) },
    { name: 'a port of the wrong type is the schema rule\'s', spec: withPort(3128) },
    { name: 'a number of the wrong type is the schema rule\'s', spec: withPort({ number: '3128' }) },
    { name: 'a negative number is outside the CRD\'s range: S-CRD-TYPES\'s', spec: withPort({ number: -1 }) },
    { name: 'a number above the uint32 range is S-CRD-TYPES\'s', spec: withPort({ number: 4294967296 }) },
  ],
  bad: [
    {
      name: 'no port -> error',
      spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'p.infra.svc.cluster.local' } } },
      path: 'spec.outboundTrafficPolicy.egressProxy.port',
      message: 'egressProxy has no port: set port: {number: <port>} to the port of the proxy service, e.g. 3128',
    },
    {
      name: 'number 0 -> error',
      spec: withPort({ number: 0 }),
      path: 'spec.outboundTrafficPolicy.egressProxy.port.number',
      message: 'egressProxy port has no number (or 0): set it to the port of the proxy service, from 1 to 65535',
    },
    { name: 'an empty port -> error', spec: withPort({}), count: 1 },
    { name: 'port: null -> error', spec: withPort(null), path: 'spec.outboundTrafficPolicy.egressProxy.port' },
    { name: '65536 -> error', spec: withPort({ number: 65536 }), message: 'egressProxy port 65536 is outside 1..65535: set it to the port of the proxy service' },
    { name: 'the uint32 maximum -> error', spec: withPort({ number: 4294967295 }), count: 1 },
  ],
});
