import { describeRule } from '../../rule-cases';

const PORT = { number: 9080, protocol: 'HTTP', name: 'http' };

describeRule('S-IN-CAPTURE-MODE', {
  good: [
    {
      name: 'DEFAULT, IPTABLES and NONE',
      spec: { ingress: [{ port: PORT, captureMode: 'DEFAULT' }, { port: { number: 81 }, captureMode: 'IPTABLES' }, { port: { number: 82 }, captureMode: 'NONE' }] },
    },
    { name: 'no captureMode', spec: { ingress: [{ port: PORT }] } },
    { name: 'a wrong-typed captureMode is left to the schema rule', spec: { ingress: [{ port: PORT, captureMode: 1 }] } },
    { name: 'egress captureMode is S-EG-CAPTURE-MODE\'s', spec: { egress: [{ port: { number: 80 }, captureMode: 'TPROXY', hosts: ['./*'] }] } },
  ],
  bad: [
    {
      name: 'TPROXY is not a capture mode -> error',
      spec: { ingress: [{ port: PORT, captureMode: 'TPROXY' }] },
      path: 'spec.ingress[0].captureMode',
      message: 'captureMode "TPROXY" is not one of DEFAULT, IPTABLES or NONE, so the Sidecar CRD rejects it: use one of them, or leave captureMode out for DEFAULT',
    },
    { name: 'the enum is case-sensitive -> error', spec: { ingress: [{ port: PORT, captureMode: 'iptables' }] } },
    { name: 'an empty string is not in the enum -> error', spec: { ingress: [{ port: PORT, captureMode: '' }] } },
  ],
});
