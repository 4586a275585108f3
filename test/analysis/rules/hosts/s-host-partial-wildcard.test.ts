import { describeRule } from '../../rule-cases';

describeRule('S-HOST-PARTIAL-WILDCARD', {
  good: [
    { name: '"*" and a leading "*."', spec: { egress: [{ hosts: ['test/*', 'test/*.a.com', '*/*'] }] } },
    { name: 'a "*" in the namespace only', spec: { egress: [{ hosts: ['*/a.com'] }] } },
  ],
  bad: [
    {
      name: 'a "*" glued to the first label -> error',
      spec: { egress: [{ hosts: ['test/*a.com'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "test/*a.com" is invalid: "*" may only be the whole DNS name or its first label ("*.example.com")',
    },
    { name: '"*-" prefix -> error', spec: { egress: [{ hosts: ['ns1/*-foo.com'] }] }, count: 1 },
    { name: 'a "*" in the middle -> error', spec: { egress: [{ hosts: ['ns1/foo.*.com'] }] }, count: 1 },
    { name: 'a trailing "*" -> error', spec: { egress: [{ hosts: ['ns1/foo.com*'] }] }, count: 1 },
    { name: 'in an exclusion too -> error', spec: { egress: [{ hosts: ['*/*', '~ns1/a*.com'] }] }, paths: ['spec.egress[0].hosts[1]'] },
  ],
});
