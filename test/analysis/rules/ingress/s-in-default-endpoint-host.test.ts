import { describeRule } from '../../rule-cases';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };
const endpoint = (defaultEndpoint: unknown) => ({ ingress: [{ port: PORT, defaultEndpoint }] });

describeRule('S-IN-DEFAULT-ENDPOINT-HOST', {
  good: [
    { name: 'the four accepted hosts', spec: { ingress: ['127.0.0.1:80', '0.0.0.0:80', '[::1]:80', '[::]:80'].map((e, i) => ({ port: { number: 80 + i }, defaultEndpoint: e })) } },
    { name: 'an empty host (":8080") is accepted', spec: endpoint(':8080') },
    { name: 'a Unix socket is S-IN-DEFAULT-ENDPOINT-UDS\'s', spec: endpoint('unix://var/run/a.sock') },
    { name: 'a missing port is S-IN-DEFAULT-ENDPOINT-PORT\'s', spec: endpoint('127.0.0.1') },
    { name: 'no endpoint, an empty one or a wrong-typed one', spec: { ingress: [{ port: PORT }, { port: { number: 81 }, defaultEndpoint: '' }, { port: { number: 82 }, defaultEndpoint: 8080 }] } },
  ],
  bad: [
    {
      name: 'another IP address -> error',
      spec: endpoint('1.1.1.1:90'),
      path: 'spec.ingress[0].defaultEndpoint',
      message: 'defaultEndpoint "1.1.1.1:90" is invalid: the host "1.1.1.1" is not one Istio forwards to; '
        + 'expected one of "127.0.0.1:<port>", "0.0.0.0:<port>", "[::1]:<port>", "[::]:<port>", ":<port>" or "unix://<path>"',
    },
    { name: 'localhost is compared as a string and rejected -> error', spec: endpoint('localhost:8080') },
    { name: 'the expanded IPv6 loopback is rejected -> error', spec: endpoint('[0:0:0:0:0:0:0:1]:80') },
    { name: 'another loopback address is rejected -> error', spec: endpoint('127.0.0.2:80') },
    { name: 'an IPv6 loopback without brackets does not split -> error', spec: endpoint('::1:80'), message: /expected one of/ },
  ],
});
