import { describeRule } from '../../rule-cases';

describeRule('S-HOST-SHORT-NAME', {
  good: [
    { name: 'fully-qualified names and "*"', spec: { egress: [{ hosts: ['ns1/reviews.ns1.svc.cluster.local', 'ns2/*', '*/*.example.com'] }] } },
    { name: 'an empty DNS name is left to S-HOST-EMPTY-PART', spec: { egress: [{ hosts: ['ns1/'] }] } },
  ],
  bad: [
    {
      name: 'a short name -> error',
      spec: { egress: [{ hosts: ['ns1/reviews'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "ns1/reviews" is invalid: the DNS name "reviews" is a short name; write it fully qualified, e.g. "reviews.<namespace>.svc.cluster.local", or "*"',
    },
    { name: 'a short name in an exclusion -> error', spec: { egress: [{ hosts: ['*/*', '~ns1/ratings'] }] }, paths: ['spec.egress[0].hosts[1]'] },
    {
      name: 'a short partial wildcard -> error, suggesting a domain wildcard',
      spec: { egress: [{ hosts: ['ns1/*foo'] }] },
      message: 'egress host "ns1/*foo" is invalid: the DNS name "*foo" is a short name; write it fully qualified, e.g. "*.example.com", or "*"',
    },
    { name: 'a short name after an empty namespace -> error', spec: { egress: [{ hosts: ['/foo'] }] }, count: 1 },
  ],
});
