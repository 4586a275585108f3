import { describeRule } from '../../rule-cases';

describeRule('S-EG-PORT-RANGE', {
  good: [
    { name: '1 and 65535', spec: { egress: [{ port: { number: 1 }, hosts: ['a/*'] }, { port: { number: 65535 }, hosts: ['b/*'] }] } },
    { name: 'no number or 0 is a unix-socket listener', spec: { egress: [{ port: { number: 0 }, bind: 'unix:///a.sock', hosts: ['a/*'] }] } },
    { name: 'a number of the wrong type is the schema rule\'s', spec: { egress: [{ port: { number: '70000' }, hosts: ['a/*'] }] } },
    { name: 'a negative number is S-PORT-NUMBER-CRD\'s', spec: { egress: [{ port: { number: -1 }, hosts: ['a/*'] }] } },
    { name: 'a number above the uint32 range is S-PORT-NUMBER-CRD\'s', spec: { egress: [{ port: { number: 4294967296 }, hosts: ['a/*'] }] } },
  ],
  bad: [
    {
      name: '65536 -> error',
      spec: { egress: [{ port: { number: 65536 }, hosts: ['./*'] }] },
      path: 'spec.egress[0].port.number',
      message: 'egress port 65536 is outside 1..65535: pick a port number from 1 to 65535',
    },
    { name: 'the uint32 maximum -> error', spec: { egress: [{ port: { number: 4294967295 }, hosts: ['./*'] }] }, count: 1 },
    { name: 'every listener is checked', spec: { egress: [{ port: { number: 70000 }, hosts: ['a/*'] }, { port: { number: 80000 }, hosts: ['b/*'] }] }, count: 2 },
  ],
});
