import { describeRule } from '../../rule-cases';

describeRule('S-EG-PORT-UNIQUE', {
  good: [
    { name: 'different numbers', spec: { egress: [{ port: { number: 8080 }, hosts: ['a/*'] }, { port: { number: 8081 }, hosts: ['b/*'] }] } },
    { name: 'the same number on ingress and egress', spec: { ingress: [{ port: { number: 8080 } }], egress: [{ port: { number: 8080 }, hosts: ['a/*'] }] } },
    {
      name: 'two unix-socket listeners (number 0) are S-EG-UDS-UNIQUE\'s',
      spec: { egress: [{ port: { number: 0 }, bind: 'unix:///a.sock', hosts: ['a/*'] }, { port: {}, bind: 'unix:///b.sock', hosts: ['b/*'] }] },
    },
    { name: 'numbers of the wrong type are skipped', spec: { egress: [{ port: { number: '80' }, hosts: ['a/*'] }, { port: { number: '80' }, hosts: ['b/*'] }] } },
  ],
  bad: [
    {
      name: 'two listeners on 8080 with different binds -> error',
      spec: {
        egress: [
          { port: { number: 8080 }, bind: '127.0.0.1', hosts: ['a/*'] },
          { port: { number: 8080 }, bind: '127.0.0.2', hosts: ['b/*'] },
        ],
      },
      path: 'spec.egress[1].port.number',
      message: 'egress port 8080 is already used by spec.egress[0]: port numbers must be unique across egress listeners even when their binds differ; pick another port',
    },
    {
      name: 'a third listener on the port names the first',
      spec: { egress: [{ port: { number: 80 }, hosts: ['a/*'] }, { port: { number: 80 }, hosts: ['b/*'] }, { port: { number: 80 }, hosts: ['c/*'] }] },
      paths: ['spec.egress[1].port.number', 'spec.egress[2].port.number'],
      message: /already used by spec\.egress\[0\]/,
    },
  ],
});
