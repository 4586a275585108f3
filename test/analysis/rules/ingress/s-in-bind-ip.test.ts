import { describeRule } from '../../rule-cases';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };

describeRule('S-IN-BIND-IP', {
  good: [
    { name: 'IPv4 and IPv6 literals', spec: { ingress: [{ port: PORT, bind: '0.0.0.0' }, { port: { number: 81 }, bind: '::1' }] } },
    { name: 'an IPv6 address with a zone', spec: { ingress: [{ port: PORT, bind: 'fe80::1%eth0' }] } },
    { name: 'no bind, or an empty one, means the default', spec: { ingress: [{ port: PORT }, { port: { number: 81 }, bind: '' }] } },
    { name: 'a wrong-typed bind is left to the schema rule', spec: { ingress: [{ port: PORT, bind: 127 }] } },
  ],
  bad: [
    {
      name: 'a host name -> error',
      spec: { ingress: [{ port: PORT, bind: 'localhost' }] },
      path: 'spec.ingress[0].bind',
      message: 'ingress bind "localhost" is not a literal IP address: expected an IPv4 or IPv6 address without brackets or CIDR suffix, e.g. "0.0.0.0" or "::"',
    },
    {
      name: 'a Unix socket is not allowed on ingress -> error',
      spec: { ingress: [{ port: PORT, bind: 'unix:///var/run/in.sock' }] },
      message: 'ingress bind "unix:///var/run/in.sock" is a Unix socket: ingress listeners bind only to IP addresses; use an IP such as "0.0.0.0", and set defaultEndpoint to forward to the socket',
    },
    { name: 'a bracketed IPv6 address -> error', spec: { ingress: [{ port: PORT, bind: '[::1]' }] } },
    { name: 'a CIDR range -> error', spec: { ingress: [{ port: PORT, bind: '10.0.0.0/8' }] } },
    { name: 'an IPv4 address with leading zeros -> error', spec: { ingress: [{ port: PORT, bind: '010.0.0.1' }] } },
    { name: 'every bad bind is reported', spec: { ingress: [{ port: PORT, bind: 'a' }, { port: { number: 81 }, bind: 'b' }] }, count: 2 },
  ],
});
