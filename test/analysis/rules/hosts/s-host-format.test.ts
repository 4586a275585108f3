import { describeRule } from '../../rule-cases';

describeRule('S-HOST-FORMAT', {
  good: [
    { name: 'namespace-qualified host', spec: { egress: [{ hosts: ['prod-us1/*', '*/mysql.foo.com', './*', '~/*'] }] } },
    { name: 'a host that is invalid in other ways is left to the other host rules', spec: { egress: [{ hosts: ['ns1/reviews'] }] } },
  ],
  bad: [
    {
      name: 'a bare FQDN without a namespace -> error',
      spec: { egress: [{ hosts: ['reviews.default.svc.cluster.local'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "reviews.default.svc.cluster.local" is invalid: expected "<namespace>/<dnsName>", e.g. "*/foo.com", "./*" or "istio-system/*"',
    },
    { name: 'a bare "*" -> error', spec: { egress: [{ hosts: ['./*'] }, { hosts: ['*'] }] }, paths: ['spec.egress[1].hosts[0]'] },
    { name: 'every bad host is reported, not only the first', spec: { egress: [{ hosts: ['a.com', 'b.com'] }] }, count: 2 },
  ],
});
