import { describeRule } from '../../rule-cases';

describeRule('S-EG-HOSTS-REQUIRED', {
  good: [
    { name: 'every listener has hosts', spec: { egress: [{ port: { number: 80 }, hosts: ['a/*'] }, { hosts: ['~/*'] }] } },
    { name: 'hosts of the wrong type are the schema rule\'s', spec: { egress: [{ hosts: 'a/*' }] } },
    { name: 'null listeners are S-EG-NULL\'s', spec: { egress: [null] } },
  ],
  bad: [
    {
      name: 'an empty hosts list -> error',
      spec: { egress: [{ port: { number: 8080 }, hosts: [] }] },
      path: 'spec.egress[0].hosts',
      message: 'egress listener 0 has an empty hosts list: list at least one "<namespace>/<dnsName>" host it imports, e.g. "./*" or "istio-system/*" ("~/*" to import nothing)',
    },
    {
      name: 'no hosts key -> error',
      spec: { egress: [{ port: { number: 8080 } }] },
      message: 'egress listener 0 has no hosts: list at least one "<namespace>/<dnsName>" host it imports, e.g. "./*" or "istio-system/*" ("~/*" to import nothing)',
    },
    { name: 'hosts: null -> error', spec: { egress: [{ hosts: null }] }, count: 1 },
    { name: 'every listener is checked', spec: { egress: [{ port: { number: 1 }, hosts: [] }, { hosts: ['a/*'] }, {}] }, paths: ['spec.egress[0].hosts', 'spec.egress[2].hosts'] },
  ],
});
