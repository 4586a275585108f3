import { describeRule } from '../../rule-cases';

describeRule('S-IN-PORT-REQUIRED', {
  good: [
    { name: 'a listener with a port', spec: { ingress: [{ port: { number: 9080 } }] } },
    { name: 'an empty port object is present (S-IN-PORT-RANGE reports its number)', spec: { ingress: [{ port: {} }] } },
    { name: 'a null item is left to S-IN-NULL', spec: { ingress: [null] } },
  ],
  bad: [
    {
      name: 'a listener with only a defaultEndpoint -> error',
      spec: { ingress: [{ defaultEndpoint: '127.0.0.1:110' }] },
      path: 'spec.ingress[0]',
      message: 'ingress listener has no port: every ingress listener needs one, e.g. {number: 9080, protocol: HTTP, name: http}',
    },
    { name: 'an explicit null port -> error', spec: { ingress: [{ port: null }] }, path: 'spec.ingress[0]' },
    { name: 'every port-less listener is reported', spec: { ingress: [{}, { port: { number: 80 } }, { bind: '0.0.0.0' }] }, paths: ['spec.ingress[0]', 'spec.ingress[2]'] },
  ],
});
