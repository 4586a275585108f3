import { describeRule } from '../../rule-cases';

const uds = { port: {}, bind: 'unix:///var/run/a.sock', hosts: ['./*'] };

describeRule('S-EG-UDS-CAPTURE-MODE', {
  good: [
    { name: 'DEFAULT, NONE or no captureMode', spec: { egress: [{ ...uds, captureMode: 'DEFAULT' }, { ...uds, bind: 'unix:///b.sock', captureMode: 'NONE' }, { ...uds, bind: 'unix:///c.sock' }] } },
    { name: 'IPTABLES on a numbered port', spec: { egress: [{ port: { number: 80 }, captureMode: 'IPTABLES', hosts: ['./*'] }] } },
    { name: 'IPTABLES on a port-less listener is not checked by Istio', spec: { egress: [{ captureMode: 'IPTABLES', hosts: ['./*'] }] } },
    { name: 'a value outside the enum is S-EG-CAPTURE-MODE\'s', spec: { egress: [{ ...uds, captureMode: 'TPROXY' }] } },
  ],
  bad: [
    {
      name: 'IPTABLES on a unix-socket listener -> error',
      spec: { egress: [{ ...uds, captureMode: 'IPTABLES' }] },
      path: 'spec.egress[0].captureMode',
      message: 'captureMode "IPTABLES" cannot redirect traffic to a unix socket: on unix-socket egress listener 0 use DEFAULT or NONE (or leave captureMode out)',
    },
    { name: 'even without a valid bind -> error', spec: { egress: [{ port: { number: 0 }, captureMode: 'IPTABLES', hosts: ['./*'] }] }, count: 1 },
  ],
});
