import { describeRule } from '../../rule-cases';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };
const endpoint = (defaultEndpoint: unknown) => ({ ingress: [{ port: PORT, defaultEndpoint }] });

describeRule('S-IN-DEFAULT-ENDPOINT-UDS', {
  good: [
    { name: 'an absolute socket path', spec: endpoint('unix:///var/run/app.sock') },
    { name: 'an abstract socket', spec: endpoint('unix://@app') },
    { name: 'a TCP endpoint is the other rules\'', spec: endpoint('1.1.1.1:90') },
  ],
  bad: [
    {
      name: 'a relative path -> error',
      spec: endpoint('unix://var/run/a.sock'),
      path: 'spec.ingress[0].defaultEndpoint',
      message: 'defaultEndpoint "unix://var/run/a.sock" is invalid: expected an absolute path to a socket file or an abstract socket name, '
        + 'e.g. "unix:///var/run/app.sock" or "unix://@app"',
    },
    { name: 'the root directory -> error', spec: endpoint('unix:///') },
    { name: 'a directory path -> error', spec: endpoint('unix:///var/run/') },
    { name: 'nothing after the scheme -> error', spec: endpoint('unix://'), message: /expected a socket path/ },
  ],
});
