import { describeRule } from '../../rule-cases';

const HTTP = { number: 9080, protocol: 'HTTP', name: 'http' };

describeRule('S-IN-NULL', {
  good: [
    { name: 'a listener with a port', spec: { ingress: [{ port: HTTP }] } },
    { name: 'an empty ingress list is left to S-EMPTY-CONFIG', spec: { ingress: [], egress: [{ hosts: ['./*'] }] } },
    { name: 'ingress that is not a list is left to the schema rule', spec: { ingress: 'nope' } },
    { name: 'a non-object item is a type error, not a null', spec: { ingress: [5, 'x'] } },
  ],
  bad: [
    {
      name: 'a null ingress item -> error',
      spec: { ingress: [null] },
      path: 'spec.ingress[0]',
      message: 'ingress listener is null: remove the empty item from spec.ingress, or give it a port',
    },
    { name: 'every null item is reported', spec: { ingress: [null, { port: HTTP }, null] }, paths: ['spec.ingress[0]', 'spec.ingress[2]'] },
  ],
});
