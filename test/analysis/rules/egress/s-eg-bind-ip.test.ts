import { describeRule } from '../../rule-cases';

const on = (bind: unknown) => ({ egress: [{ port: { number: 8080 }, bind, hosts: ['./*'] }] });

describeRule('S-EG-BIND-IP', {
  good: [
    { name: 'IPv4', spec: on('127.0.0.1') },
    { name: 'IPv6', spec: on('::1') },
    { name: 'an empty bind is no bind', spec: on('') },
    { name: 'no bind', spec: { egress: [{ port: { number: 8080 }, hosts: ['./*'] }] } },
    { name: 'a port-less listener\'s bind is S-EG-BIND-WITHOUT-PORT\'s', spec: { egress: [{ bind: 'localhost', hosts: ['./*'] }] } },
    { name: 'a unix-socket listener\'s bind is S-EG-UDS-BIND-REQUIRED\'s', spec: { egress: [{ port: {}, bind: 'localhost', hosts: ['./*'] }] } },
    { name: 'a bind of the wrong type is the schema rule\'s', spec: on(127001) },
  ],
  bad: [
    {
      name: 'a host name -> error',
      spec: on('localhost'),
      path: 'spec.egress[0].bind',
      message: 'bind "localhost" is not an IP address: egress listener 0 has port number 8080, so it binds a plain IPv4 or IPv6 address without brackets or prefix length, e.g. "127.0.0.1" or "::1"',
    },
    { name: 'a bracketed IPv6 address -> error', spec: on('[::1]'), count: 1 },
    { name: 'a CIDR -> error', spec: on('10.0.0.0/8'), count: 1 },
    {
      name: 'a unix socket with a port number -> error',
      spec: on('unix:///var/run/a.sock'),
      message: 'bind "unix:///var/run/a.sock" is a unix socket, but egress listener 0 has port number 8080: leave the port number out for a unix-socket listener, or bind an IP address such as "127.0.0.1"',
    },
  ],
});
