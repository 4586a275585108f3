import { describeRule } from '../../rule-cases';

describeRule('S-EG-UDS-BIND-REQUIRED', {
  good: [
    { name: 'a unix-socket listener with a unix:// bind', spec: { egress: [{ port: { protocol: 'HTTP' }, bind: 'unix:///var/run/a.sock', hosts: ['./*'] }] } },
    { name: 'number 0 with a unix:// bind', spec: { egress: [{ port: { number: 0 }, bind: 'unix://@app', hosts: ['./*'] }] } },
    { name: 'a numbered port needs no bind', spec: { egress: [{ port: { number: 80 }, hosts: ['./*'] }] } },
    { name: 'a port-less listener is not a unix-socket listener', spec: { egress: [{ hosts: ['./*'] }] } },
    { name: 'a bind of the wrong type is the schema rule\'s', spec: { egress: [{ port: {}, bind: 42, hosts: ['./*'] }] } },
  ],
  bad: [
    {
      name: 'a port without a number and no bind -> error',
      spec: { egress: [{ port: { protocol: 'HTTP' }, hosts: ['./*'] }] },
      path: 'spec.egress[0].bind',
      message: 'egress listener 0 has a port without a number (or 0), which makes it a unix-socket listener, but it has no bind: set bind to a unix socket such as "unix:///var/run/app.sock", or give the port a number from 1 to 65535',
    },
    {
      name: 'a bind with another scheme -> error',
      spec: { egress: [{ port: { number: 0 }, bind: 'foobar:///@x', hosts: ['./*'] }] },
      message: /but its bind "foobar:\/\/\/@x" does not start with "unix:\/\/"/,
    },
    { name: 'an IP bind on a port without a number -> error', spec: { egress: [{ port: {}, bind: '127.0.0.1', hosts: ['./*'] }] }, count: 1 },
    { name: 'an empty bind -> error', spec: { egress: [{ port: { name: 'uds' }, bind: '', hosts: ['./*'] }] }, message: /but it has no bind/ },
    { name: 'number: null counts as no number -> error', spec: { egress: [{ port: { number: null }, hosts: ['./*'] }] }, count: 1 },
  ],
});
