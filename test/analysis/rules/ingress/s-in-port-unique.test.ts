import { describeRule } from '../../rule-cases';

describeRule('S-IN-PORT-UNIQUE', {
  good: [
    { name: 'distinct ports', spec: { ingress: [{ port: { number: 80 } }, { port: { number: 81 } }] } },
    {
      name: 'the same number on ingress and egress is fine: they are counted separately',
      spec: { ingress: [{ port: { number: 80 } }], egress: [{ port: { number: 80 }, hosts: ['./*'] }] },
    },
    { name: 'two listeners without a number are S-IN-PORT-RANGE findings, not a clash', spec: { ingress: [{ port: {} }, { port: { number: 0 } }] } },
    { name: 'listeners without a port or with a wrong-typed number are skipped', spec: { ingress: [{}, { port: { number: '80' } }, { port: { number: 80 } }] } },
  ],
  bad: [
    {
      name: 'two ingress listeners on 80 with different binds -> error',
      spec: { ingress: [{ port: { number: 80 }, bind: '10.0.0.1' }, { port: { number: 80 }, bind: '10.0.0.2' }] },
      path: 'spec.ingress[1].port.number',
      message: 'ingress port 80 is already used by spec.ingress[0]: port numbers must be unique across ingress listeners even when their binds differ; pick another port',
    },
    {
      name: 'a third listener on the same port is reported against the first',
      spec: { ingress: [{ port: { number: 80 } }, { port: { number: 81 } }, { port: { number: 80 } }, { port: { number: 80 } }] },
      paths: ['spec.ingress[2].port.number', 'spec.ingress[3].port.number'],
      message: /already used by spec\.ingress\[0\]/,
    },
    { name: 'an out-of-range number used twice is also a clash', spec: { ingress: [{ port: { number: 70000 } }, { port: { number: 70000 } }] }, count: 1 },
  ],
});
