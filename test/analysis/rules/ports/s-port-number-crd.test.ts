import { describeRule } from '../../rule-cases';

const ingress = (number: unknown) => ({ ingress: [{ port: { number } }] });

describeRule('S-PORT-NUMBER-CRD', {
  good: [
    { name: 'an ordinary port', spec: ingress(9080) },
    { name: '0 and numbers above 65535 are in the CRD range (the webhook rules judge them)', spec: { ingress: [{ port: { number: 0 } }, { port: { number: 65536 } }, { port: { number: 4294967295 } }] } },
    { name: 'a missing number (a Unix-socket egress listener)', spec: { egress: [{ port: {}, bind: 'unix:///a.sock', hosts: ['./*'] }] } },
    { name: 'a quoted number is the schema rule\'s', spec: ingress('80') },
    { name: 'a whole number written as a float is whole', spec: ingress(80.0) },
  ],
  bad: [
    {
      name: 'a negative number -> error',
      spec: ingress(-1),
      path: 'spec.ingress[0].port.number',
      message: 'ingress port number -1 is not a whole number from 0 to 4294967295, so the Sidecar CRD rejects it; use a port from 1 to 65535',
    },
    {
      name: 'a fractional egress number -> error',
      spec: { egress: [{ port: { number: 80.5 }, hosts: ['./*'] }] },
      path: 'spec.egress[0].port.number',
      message: 'egress port number 80.5 is not a whole number from 0 to 4294967295, so the Sidecar CRD rejects it; use a port from 1 to 65535 (or leave number out for a Unix domain socket listener)',
    },
    { name: 'above uint32 -> error', spec: ingress(4294967296), count: 1 },
    {
      name: 'every bad number is reported',
      spec: { ingress: [{ port: { number: -5 } }, { port: { number: 80 } }], egress: [{ port: { number: 1e12 }, hosts: ['./*'] }] },
      paths: ['spec.ingress[0].port.number', 'spec.egress[0].port.number'],
    },
  ],
});
