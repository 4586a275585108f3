import { describeRule } from '../../rule-cases';

describeRule('S-EG-UDS-PATH', {
  good: [
    { name: 'absolute paths and abstract sockets', spec: { egress: [{ port: {}, bind: 'unix:///var/run/a.sock', hosts: ['a/*'] }, { port: {}, bind: 'unix:///@foo/bar', hosts: ['b/*'] }, { port: {}, bind: 'unix://@foo', hosts: ['c/*'] }] } },
    { name: 'a bind without unix:// is S-EG-UDS-BIND-REQUIRED\'s', spec: { egress: [{ port: {}, bind: 'var/run/a.sock', hosts: ['a/*'] }] } },
    { name: 'a unix:// bind on a numbered port is S-EG-BIND-IP\'s', spec: { egress: [{ port: { number: 80 }, bind: 'unix://relative', hosts: ['a/*'] }] } },
    { name: 'a port-less listener\'s bind is S-EG-BIND-WITHOUT-PORT\'s', spec: { egress: [{ bind: 'unix://relative', hosts: ['a/*'] }] } },
  ],
  bad: [
    {
      name: 'a relative path -> error',
      spec: { egress: [{ port: {}, bind: 'unix://var/run/a.sock', hosts: ['./*'] }] },
      path: 'spec.egress[0].bind',
      message: 'unix-socket bind "unix://var/run/a.sock" is invalid: expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"',
    },
    { name: 'a path ending in "/" -> error', spec: { egress: [{ port: {}, bind: 'unix:///var/run/', hosts: ['./*'] }] }, count: 1 },
    { name: 'only "/" -> error', spec: { egress: [{ port: {}, bind: 'unix:///', hosts: ['./*'] }] }, count: 1 },
    { name: 'nothing after unix:// -> error', spec: { egress: [{ port: { number: 0 }, bind: 'unix://', hosts: ['./*'] }] }, message: /expected a socket path after "unix:\/\/"/ },
  ],
});
