import { describeRule } from '../../rule-cases';

describeRule('S-HOST-EMPTY-PART', {
  good: [
    { name: 'both parts present', spec: { egress: [{ hosts: ['ns1/*', '*/foo.com', './*'] }] } },
    { name: 'a bare "~" namespace is an exclusion from every namespace', spec: { egress: [{ hosts: ['~/*', '~/foo.com'] }] } },
    { name: 'a host without "/" is left to S-HOST-FORMAT', spec: { egress: [{ hosts: ['foo.com'] }] } },
    { name: 'non-string and null hosts are skipped', spec: { egress: [{ hosts: [null, 42, { a: 1 }] }] } },
  ],
  bad: [
    {
      name: 'an empty DNS name -> error',
      spec: { egress: [{ hosts: ['ns1/'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "ns1/" is invalid: both the namespace and the DNS name must be non-empty; e.g. "*/foo.com", "./*" or "istio-system/*"',
    },
    { name: 'a lone "/" -> error', spec: { egress: [{ hosts: ['/'] }] }, count: 1 },
    { name: 'an empty namespace -> error', spec: { egress: [{ hosts: ['/foo.com'] }] }, count: 1 },
    { name: 'an exclusion with an empty DNS name -> error', spec: { egress: [{ hosts: ['~/'] }] }, count: 1 },
    {
      name: 'every bad host of every listener is reported',
      spec: { egress: [{ port: { number: 80 }, hosts: ['a/', 'ok/*'] }, { hosts: ['/b.com'] }] },
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[1].hosts[0]'],
    },
  ],
});
