import { describeRule } from '../../rule-cases';

describeRule('S-HOST-NAMESPACE', {
  good: [
    { name: 'a namespace name, "*" and "."', spec: { egress: [{ hosts: ['prod-us1/*', '*/foo.com', './*'] }] } },
    { name: 'exclusions with one "~"', spec: { egress: [{ hosts: ['*/*', '~ns1/a.com', '~./b.com', '~*/c.com', '~/*'] }] } },
    { name: 'upper case passes, as in Istio', spec: { egress: [{ hosts: ['Prod/*'] }] } },
    { name: 'a 63-character namespace', spec: { egress: [{ hosts: [`${'a'.repeat(63)}/*`] }] } },
    { name: 'an empty namespace is left to S-HOST-EMPTY-PART', spec: { egress: [{ hosts: ['/foo.com'] }] } },
    { name: 'a bad DNS name alone is left to the other host rules', spec: { egress: [{ hosts: ['ns1/reviews'] }] } },
    { name: 'hosts of the wrong type do not crash', spec: { egress: [{ hosts: 'ns1/*' }, { hosts: [null] }] } },
  ],
  bad: [
    {
      name: 'an underscore in the namespace -> error',
      spec: { egress: [{ hosts: ['my_ns/a.com'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "my_ns/a.com" is invalid: the namespace "my_ns" must be "*", ".", or a namespace name (a DNS label of at most 63 letters, digits and "-"), optionally after one "~"',
    },
    { name: 'an invalid excluded namespace -> error', spec: { egress: [{ hosts: ['~Invalid_NS/*'] }] }, message: /the namespace "Invalid_NS"/ },
    { name: 'two "~" -> error', spec: { egress: [{ hosts: ['~~ns/*'] }] }, message: /the namespace "~ns"/ },
    { name: 'a 64-character namespace -> error', spec: { egress: [{ hosts: [`${'a'.repeat(64)}/*`] }] }, count: 1 },
    { name: 'a dotted namespace -> error', spec: { egress: [{ hosts: ['a.b/*'] }] }, count: 1 },
    { name: 'a bad namespace is reported even when the DNS name is also bad', spec: { egress: [{ hosts: ['my_ns/reviews'] }] }, count: 1 },
  ],
});
