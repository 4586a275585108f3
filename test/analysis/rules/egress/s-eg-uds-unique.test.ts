import { describeRule } from '../../rule-cases';

describeRule('S-EG-UDS-UNIQUE', {
  good: [
    { name: 'different sockets', spec: { egress: [{ port: {}, bind: 'unix:///@foo/bar/com', hosts: ['a/*'] }, { port: {}, bind: 'unix:///@foo/bar/org', hosts: ['b/*'] }] } },
    { name: 'two unix-socket listeners without bind are S-EG-UDS-BIND-REQUIRED\'s', spec: { egress: [{ port: {}, hosts: ['a/*'] }, { port: {}, hosts: ['b/*'] }] } },
    { name: 'the same IP bind on different ports', spec: { egress: [{ port: { number: 80 }, bind: '127.0.0.1', hosts: ['a/*'] }, { port: { number: 81 }, bind: '127.0.0.1', hosts: ['b/*'] }] } },
  ],
  bad: [
    {
      name: 'two listeners on the same socket -> error',
      spec: { egress: [{ port: {}, bind: 'unix:///@foo/bar/com', hosts: ['a/*'] }, { port: { number: 0 }, bind: 'unix:///@foo/bar/com', hosts: ['b/*'] }] },
      path: 'spec.egress[1].bind',
      message: 'unix socket "unix:///@foo/bar/com" is already bound by spec.egress[0]: each unix-socket egress listener needs its own socket; pick another path',
    },
    {
      name: 'three on one socket -> the last two',
      spec: { egress: [{ port: {}, bind: 'unix:///a.sock', hosts: ['a/*'] }, { port: {}, bind: 'unix:///a.sock', hosts: ['b/*'] }, { port: {}, bind: 'unix:///a.sock', hosts: ['c/*'] }] },
      paths: ['spec.egress[1].bind', 'spec.egress[2].bind'],
    },
  ],
});
