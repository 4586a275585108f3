import { describeRule } from '../../rule-cases';

describeRule('S-EG-NULL', {
  good: [
    { name: 'object listeners', spec: { egress: [{ hosts: ['./*'] }] } },
    { name: 'no egress at all', spec: { ingress: [{ port: { number: 80 } }] } },
    { name: 'a listener of the wrong type is the schema rule\'s', spec: { egress: ['./*', 42] } },
    { name: 'egress of the wrong type does not crash', spec: { egress: { hosts: ['./*'] } } },
  ],
  bad: [
    {
      name: 'a null item -> error',
      spec: { egress: [{ hosts: ['./*'] }, null] },
      path: 'spec.egress[1]',
      message: 'egress listener 1 is null (an empty "-" item in YAML): remove it from spec.egress or fill it in',
    },
    { name: 'every null item is reported', spec: { egress: [null, null] }, paths: ['spec.egress[0]', 'spec.egress[1]'] },
  ],
});
