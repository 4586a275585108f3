import { describeRule } from '../../rule-cases';

const mode = (captureMode: unknown) => ({ egress: [{ port: { number: 8080 }, captureMode, hosts: ['./*'] }] });

describeRule('S-EG-CAPTURE-MODE', {
  good: [
    { name: 'DEFAULT', spec: mode('DEFAULT') },
    { name: 'IPTABLES', spec: mode('IPTABLES') },
    { name: 'NONE', spec: mode('NONE') },
    { name: 'no captureMode', spec: { egress: [{ hosts: ['./*'] }] } },
    { name: 'a captureMode of the wrong type is the schema rule\'s', spec: mode(1) },
    { name: 'ingress captureMode is not an egress rule\'s', spec: { ingress: [{ port: { number: 80 }, captureMode: 'TPROXY' }] } },
  ],
  bad: [
    {
      name: 'TPROXY -> error',
      spec: mode('TPROXY'),
      path: 'spec.egress[0].captureMode',
      message: 'captureMode "TPROXY" is not one of DEFAULT, IPTABLES or NONE, so the Sidecar CRD rejects it: use one of them, or leave captureMode out for DEFAULT',
    },
    { name: 'lower case -> error with a hint', spec: mode('iptables'), message: 'captureMode "iptables" is not one of DEFAULT, IPTABLES or NONE, so the Sidecar CRD rejects it: write it in upper case, "IPTABLES"' },
    { name: 'an empty string -> error', spec: mode(''), count: 1 },
    { name: 'on a port-less listener too -> error', spec: { egress: [{ captureMode: 'REDIRECT', hosts: ['./*'] }] }, count: 1 },
  ],
});
