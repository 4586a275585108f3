import { describeRule } from '../../rule-cases';

const http = (number: number) => ({ number, protocol: 'HTTP' });

describeRule('S-EG-CATCHALL-LAST', {
  good: [
    { name: 'the port-less listener is last', spec: { egress: [{ port: http(80), hosts: ['b/*'] }, { hosts: ['a/*'] }] } },
    { name: 'a single port-less listener', spec: { egress: [{ hosts: ['a/*'] }] } },
    { name: 'every listener has a port', spec: { egress: [{ port: http(80), hosts: ['a/*'] }, { port: http(81), hosts: ['b/*'] }] } },
    { name: 'an empty port object is a unix-socket listener, not a catch-all', spec: { egress: [{ port: {}, bind: 'unix:///a.sock', hosts: ['a/*'] }, { hosts: ['b/*'] }] } },
    { name: 'a port of the wrong type is the schema rule\'s', spec: { egress: [{ port: 80, hosts: ['a/*'] }, { hosts: ['b/*'] }] } },
  ],
  bad: [
    {
      name: 'the catch-all first -> error',
      spec: { egress: [{ hosts: ['a/*'] }, { port: http(80), hosts: ['b/*'] }] },
      path: 'spec.egress[0]',
      message: 'egress listener 0 has no port, which makes it the catch-all listener, but it is not the last egress listener: move it to the end of spec.egress or give it a port',
    },
    {
      name: 'two catch-alls -> the first is reported, with a hint that only one may exist',
      spec: { egress: [{ hosts: ['a/*'] }, { hosts: ['b/*'] }] },
      paths: ['spec.egress[0]'],
      message: /; only one egress listener may go without a port$/,
    },
    { name: 'port: null counts as no port -> error', spec: { egress: [{ port: null, hosts: ['a/*'] }, { port: http(80), hosts: ['b/*'] }] }, count: 1 },
    { name: 'a trailing null item still makes it not last -> error', spec: { egress: [{ hosts: ['a/*'] }, null] }, paths: ['spec.egress[0]'] },
    { name: 'three catch-alls -> all but the last', spec: { egress: [{ hosts: ['a/*'] }, { hosts: ['b/*'] }, { hosts: ['c/*'] }] }, paths: ['spec.egress[0]', 'spec.egress[1]'] },
  ],
});
