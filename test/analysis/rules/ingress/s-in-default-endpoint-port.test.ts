import { describeRule } from '../../rule-cases';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };
const endpoint = (defaultEndpoint: unknown) => ({ ingress: [{ port: PORT, defaultEndpoint }] });

describeRule('S-IN-DEFAULT-ENDPOINT-PORT', {
  good: [
    { name: 'ports 1 and 65535', spec: { ingress: [{ port: PORT, defaultEndpoint: '127.0.0.1:1' }, { port: { number: 81 }, defaultEndpoint: '[::1]:65535' }] } },
    { name: 'a bad host is S-IN-DEFAULT-ENDPOINT-HOST\'s', spec: endpoint('localhost:8080') },
    { name: 'a Unix socket has no port', spec: endpoint('unix:///var/run/app.sock') },
  ],
  bad: [
    {
      name: 'a port that is not a number -> error',
      spec: endpoint('127.0.0.1:hi'),
      path: 'spec.ingress[0].defaultEndpoint',
      message: 'defaultEndpoint "127.0.0.1:hi" is invalid: the port "hi" is not a number; '
        + 'expected one of "127.0.0.1:<port>", "0.0.0.0:<port>", "[::1]:<port>", "[::]:<port>", ":<port>" or "unix://<path>"',
    },
    { name: 'a missing port -> error', spec: endpoint('127.0.0.1'), message: /the port is missing/ },
    { name: 'port 0 -> error', spec: endpoint('127.0.0.1:0'), message: 'defaultEndpoint "127.0.0.1:0" is invalid: the port 0 is outside 1..65535' },
    { name: 'a bracketed host without port -> error', spec: endpoint('[::1]') },
    { name: 'port 65536 -> error', spec: endpoint(':65536') },
  ],
});
