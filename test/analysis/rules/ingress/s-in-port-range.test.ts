import { describeRule } from '../../rule-cases';

describeRule('S-IN-PORT-RANGE', {
  good: [
    { name: 'ports 1 and 65535 are in range', spec: { ingress: [{ port: { number: 1 } }, { port: { number: 65535 } }] } },
    { name: 'a missing port is left to S-IN-PORT-REQUIRED', spec: { ingress: [{ defaultEndpoint: '127.0.0.1:80' }] } },
    { name: 'a string number is left to the schema rule', spec: { ingress: [{ port: { number: '80' } }] } },
    { name: 'a fractional number is left to the schema rule', spec: { ingress: [{ port: { number: 80.5 } }] } },
    { name: 'a negative number is left to the CRD rule S-PORT-NUMBER-CRD', spec: { ingress: [{ port: { number: -1 } }] } },
    { name: 'a number beyond uint32 is left to the CRD rule S-PORT-NUMBER-CRD', spec: { ingress: [{ port: { number: 4294967296 } }] } },
    { name: 'a wrong-typed port is left to the schema rule', spec: { ingress: [{ port: 80 }] } },
  ],
  bad: [
    {
      name: 'port number 0 -> error',
      spec: { ingress: [{ port: { number: 0, protocol: 'HTTP' } }] },
      path: 'spec.ingress[0].port.number',
      message: 'ingress port number 0 is invalid: Istio treats 0 as missing; set port.number from 1 to 65535',
    },
    {
      name: 'a port without a number counts as 0 (ingress has no Unix-socket listener) -> error',
      spec: { ingress: [{ port: { protocol: 'HTTP', name: 'http' }, bind: 'unix:///var/run/in.sock' }] },
      path: 'spec.ingress[0].port',
      message: 'ingress port has no number: ingress listeners cannot be Unix-socket listeners, so set port.number from 1 to 65535',
    },
    { name: 'the largest uint32 passes the CRD but not the webhook -> error', spec: { ingress: [{ port: { number: 4294967295 } }] }, count: 1 },
    {
      name: 'port number 65536 -> error',
      spec: { ingress: [{ port: { number: 65536 } }] },
      message: 'ingress port number 65536 is outside 1..65535; pick a port from 1 to 65535',
    },
    { name: 'a null number counts as missing -> error', spec: { ingress: [{ port: { number: null } }] }, path: 'spec.ingress[0].port' },
    {
      name: 'every listener out of range is reported',
      spec: { ingress: [{ port: { number: 0 } }, { port: { number: 80 } }, { port: { number: 70000 } }] },
      paths: ['spec.ingress[0].port.number', 'spec.ingress[2].port.number'],
    },
  ],
});
