import { describeRule } from '../../rule-cases';

describeRule('S-HOST-DNS', {
  good: [
    { name: 'valid names, wildcards and a trailing dot', spec: { egress: [{ hosts: ['ns1/foo-bar.com', '*/*.example.com', 'ns1/istio.io.', 'ns1/*'] }] } },
    { name: 'upper case passes, as in Istio', spec: { egress: [{ hosts: ['ns1/Foo.Example.COM'] }] } },
    { name: 'a numeric label that is not the last one', spec: { egress: [{ hosts: ['ns1/123.example.com'] }] } },
    { name: 'a partial wildcard alone is left to S-HOST-PARTIAL-WILDCARD', spec: { egress: [{ hosts: ['ns1/foo.*.com', 'test/*a.com', 'ns1/*-foo.com'] }] } },
    { name: 'a short name alone is left to S-HOST-SHORT-NAME', spec: { egress: [{ hosts: ['ns1/reviews'] }] } },
  ],
  bad: [
    {
      name: 'an IP address -> error',
      spec: { egress: [{ hosts: ['ns1/10.0.0.1'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "ns1/10.0.0.1" is invalid: the DNS name is invalid: the top-level label "1" is all digits (IP addresses are not host names)',
    },
    { name: 'an underscore -> error', spec: { egress: [{ hosts: ['ns1/foo_bar.com'] }] }, message: /the label "foo_bar" is not a DNS label/ },
    { name: 'a second "/" -> error', spec: { egress: [{ hosts: ['ns1/a.com/x'] }] }, message: /the label "com\/x"/ },
    { name: 'a 64-character label -> error', spec: { egress: [{ hosts: [`ns1/${'a'.repeat(64)}.com`] }] }, count: 1 },
    { name: 'a name longer than 255 characters -> error', spec: { egress: [{ hosts: [`ns1/${Array(65).fill('abc').join('.')}`] }] }, message: /the domain name is 259 characters long, more than 255/ },
    { name: 'an empty label -> error', spec: { egress: [{ hosts: ['ns1/a..com'] }] }, count: 1 },
    { name: 'a wildcard label after the first -> error', spec: { egress: [{ hosts: ['ns1/*.foo.*.com'] }] }, message: /the label "\*"/ },
    { name: 'a bad label next to a partial wildcard -> error', spec: { egress: [{ hosts: ['ns1/*a.foo_bar.com'] }] }, count: 1 },
    { name: 'a short name that is not a DNS label -> error', spec: { egress: [{ hosts: ['ns1/foo_bar'] }] }, count: 1 },
  ],
});
