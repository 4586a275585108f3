import { SIMPLE, withTls } from './tls-cases';
import { describeRule } from '../../rule-cases';

const listener = (port: unknown, tls: unknown = SIMPLE) => ({ ingress: [{ port, tls }] });

describeRule('S-IN-TLS-PORT-PROTOCOL', {
  good: [
    { name: 'a listener without a port is S-IN-PORT-REQUIRED\'s to report (Istio checks nothing else on it)', spec: { ingress: [{ tls: SIMPLE }] } },
    { name: 'HTTPS and TLS ports', spec: { ingress: [{ port: { number: 443, protocol: 'HTTPS' }, tls: SIMPLE }, { port: { number: 444, protocol: 'TLS' }, tls: SIMPLE }] } },
    { name: 'the protocol is compared case-insensitively', spec: listener({ number: 443, protocol: 'https' }) },
    { name: 'a plain TCP port without tls', spec: { ingress: [{ port: { number: 9000, protocol: 'TCP' } }] } },
    { name: 'tls: null is no TLS', spec: listener({ number: 9000, protocol: 'TCP' }, null) },
    { name: 'a wrong-typed port is left to the schema rule', spec: listener(9000) },
    { name: 'the usual HTTPS listener', spec: withTls(SIMPLE) },
  ],
  bad: [
    {
      name: 'TLS settings on a TCP port -> error',
      spec: listener({ number: 9000, protocol: 'TCP' }),
      path: 'spec.ingress[0].port.protocol',
      message: 'the ingress port has protocol "TCP", but the listener has tls settings: Istio accepts tls only on HTTPS or TLS ports; set port.protocol to HTTPS or TLS, or remove tls',
    },
    {
      name: 'an empty protocol is neither HTTPS nor TLS -> error',
      spec: listener({ number: 9000 }),
      message: 'the ingress port has no protocol, but the listener has tls settings: Istio accepts tls only on HTTPS or TLS ports; set port.protocol to HTTPS or TLS, or remove tls',
    },
    { name: 'even "tls: {}" counts as TLS settings -> error', spec: listener({ number: 80, protocol: 'HTTP' }, {}) },
    {
      name: 'every offending listener is reported',
      spec: { ingress: [{ port: { number: 1, protocol: 'HTTP' }, tls: {} }, { port: { number: 2, protocol: 'HTTPS' }, tls: {} }, { port: { number: 3, protocol: 'GRPC' }, tls: {} }] },
      paths: ['spec.ingress[0].port.protocol', 'spec.ingress[2].port.protocol'],
    },
  ],
});
