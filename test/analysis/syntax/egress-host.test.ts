import { egressHostProblems, splitEgressHost } from '../../../src/analysis/syntax/egress-host';

const ruleIds = (host: string) => egressHostProblems(host).map((p) => p.ruleId);

describe('egressHostProblems', () => {
  test.each([
    ['every host in every namespace', '*/*'],
    ['every host in the own namespace', './*'],
    ['a named namespace', 'istio-system/*'],
    ['a fully-qualified host in any namespace', '*/mysql.foo.com'],
    ['a domain wildcard', 'ns1/*.example.com'],
    ['a trailing dot', 'ns1/istio.io.'],
    ['upper case, as Istio accepts it', 'NS1/Foo.COM'],
    ['an exclusion everywhere', '~/*'],
    ['an exclusion in a namespace', '~ns1/a.example.com'],
    ['an exclusion in the own namespace', '~./a.example.com'],
    ['an exclusion in any namespace', '~*/a.example.com'],
    ['a numeric label that is not the top level', 'ns1/123.example.com'],
    ['a top level too large for a Go int', `ns1/a.${'9'.repeat(20)}`],
  ])('valid: %s (%s)', (_name, host) => {
    expect(egressHostProblems(host)).toEqual([]);
  });

  test.each([
    ['no "/"', 'reviews.default.svc.cluster.local', ['S-HOST-FORMAT']],
    ['a bare "*"', '*', ['S-HOST-FORMAT']],
    ['a lone "/"', '/', ['S-HOST-EMPTY-PART']],
    ['an empty DNS name', 'ns1/', ['S-HOST-EMPTY-PART']],
    ['an exclusion with an empty DNS name', '~/', ['S-HOST-EMPTY-PART']],
    ['an empty namespace and a short name', '/foo', ['S-HOST-EMPTY-PART', 'S-HOST-SHORT-NAME']],
    ['an underscore in the namespace', 'my_ns/a.com', ['S-HOST-NAMESPACE']],
    ['two "~"', '~~ns/*', ['S-HOST-NAMESPACE']],
    ['a bad namespace and a short name', '~Invalid_NS/reviews', ['S-HOST-NAMESPACE', 'S-HOST-SHORT-NAME']],
    ['a short name', 'ns1/reviews', ['S-HOST-SHORT-NAME']],
    ['a short name that is not a label', 'ns1/foo_bar', ['S-HOST-SHORT-NAME', 'S-HOST-DNS']],
    ['an IP address', 'ns1/10.0.0.1', ['S-HOST-DNS']],
    ['an underscore in the DNS name', 'ns1/foo_bar.com', ['S-HOST-DNS']],
    ['a second "/"', 'ns1/a.com/x', ['S-HOST-DNS']],
    ['a wildcard label after the first', 'ns1/*.foo.*.com', ['S-HOST-DNS']],
    ['a glued wildcard', 'test/*a.com', ['S-HOST-PARTIAL-WILDCARD']],
    ['a "*-" wildcard', 'ns1/*-foo.com', ['S-HOST-PARTIAL-WILDCARD']],
    ['a wildcard in the middle', 'ns1/foo.*.com', ['S-HOST-PARTIAL-WILDCARD']],
    ['a partial wildcard and a bad label', 'ns1/*a.foo_bar.com', ['S-HOST-PARTIAL-WILDCARD', 'S-HOST-DNS']],
    ['a short partial wildcard', 'ns1/*foo', ['S-HOST-SHORT-NAME', 'S-HOST-PARTIAL-WILDCARD']],
  ])('invalid: %s (%s)', (_name, host, expected) => {
    expect(ruleIds(host)).toEqual(expected);
  });

  test('reasons say what is wrong', () => {
    expect(egressHostProblems('ns1/10.0.0.1')).toEqual([{
      ruleId: 'S-HOST-DNS',
      reason: 'the DNS name is invalid: the top-level label "1" is all digits (IP addresses are not host names)',
    }]);
    expect(egressHostProblems('*')[0].reason).toBe('expected "<namespace>/<dnsName>", e.g. "*/foo.com", "./*" or "istio-system/*"');
    expect(egressHostProblems('ns1/foo.*.bar_baz.com')).toEqual([
      { ruleId: 'S-HOST-PARTIAL-WILDCARD', reason: '"*" may only be the whole DNS name or its first label ("*.example.com")' },
      { ruleId: 'S-HOST-DNS', reason: 'the DNS name is invalid: the label "*" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)' },
    ]);
  });
});

describe('splitEgressHost', () => {
  test.each([
    ['ns1/a.com', { exclusion: false, namespace: 'ns1', dnsName: 'a.com' }],
    ['~/*', { exclusion: true, namespace: '', dnsName: '*' }],
    ['~~ns/*', { exclusion: true, namespace: '~ns', dnsName: '*' }],
    ['ns1/a.com/x', { exclusion: false, namespace: 'ns1', dnsName: 'a.com/x' }],
  ])('%s', (host, parts) => {
    expect(splitEgressHost(host)).toEqual(parts);
  });

  test('no "/" -> undefined', () => {
    expect(splitEgressHost('a.com')).toBeUndefined();
  });
});
