import { EgressHost } from '../src';

describe('EgressHost factories render namespace/dnsName', () => {
  test.each([
    ['namespace(ns).allHosts()', 'istio-system/*', () => EgressHost.namespace('istio-system').allHosts()],
    ['namespace(ns).host(dnsName)', 'prod-us1/reviews.prod-us1.svc.cluster.local', () => EgressHost.namespace('prod-us1').host('reviews.prod-us1.svc.cluster.local')],
    ['namespace(ns).host(wildcard)', 'ns1/*.example.com', () => EgressHost.namespace('ns1').host('*.example.com')],
    ['sameNamespace()', './*', () => EgressHost.sameNamespace()],
    ['sameNamespace(dnsName)', './ratings.prod.svc.cluster.local', () => EgressHost.sameNamespace('ratings.prod.svc.cluster.local')],
    ['anyNamespace()', '*/*', () => EgressHost.anyNamespace()],
    ['anyNamespace(dnsName)', '*/mysql.foo.com', () => EgressHost.anyNamespace('mysql.foo.com')],
    ['all()', '*/*', () => EgressHost.all()],
    ['none()', '~/*', () => EgressHost.none()],
    ['exclude(namespace host)', '~ns1/a.example.com', () => EgressHost.exclude(EgressHost.namespace('ns1').host('a.example.com'))],
    ['exclude(sameNamespace)', '~./x.example.com', () => EgressHost.exclude(EgressHost.sameNamespace('x.example.com'))],
    ['exclude(anyNamespace)', '~*/x.example.com', () => EgressHost.exclude(EgressHost.anyNamespace('x.example.com'))],
    ['parse(text)', '~/x.example.com', () => EgressHost.parse('~/x.example.com')],
  ])('%s -> %s', (_name, rendered, make) => {
    expect(make().toString()).toBe(rendered);
  });
});

describe('EgressHost parts', () => {
  test('a plain host', () => {
    const host = EgressHost.parse('ns1/a.example.com');
    expect([host.namespacePart, host.dnsName, host.isExclusion]).toEqual(['ns1', 'a.example.com', false]);
  });

  test('an exclusion keeps the namespace without "~"', () => {
    const host = EgressHost.exclude(EgressHost.namespace('ns1').allHosts());
    expect([host.namespacePart, host.dnsName, host.isExclusion]).toEqual(['ns1', '*', true]);
  });

  test('none() excludes every host everywhere: empty namespace part', () => {
    const host = EgressHost.none();
    expect([host.namespacePart, host.dnsName, host.isExclusion]).toEqual(['', '*', true]);
  });

  test('only the first "/" splits', () => {
    expect(() => EgressHost.parse('ns1/a.com/x')).toThrow(/^Invalid egress host "ns1\/a.com\/x": the DNS name is invalid/);
  });

  test('EgressHostNamespace renders as its name', () => {
    expect(EgressHost.namespace('prod-apis').toString()).toBe('prod-apis');
    expect(EgressHost.namespace('prod-apis').namespace).toBe('prod-apis');
  });
});

describe('EgressHost syntax errors', () => {
  const example = 'e.g. "*/foo.com", "./*" or "istio-system/*"';
  test.each([
    ['no slash', () => EgressHost.parse('foo.com'),
      `Invalid egress host "foo.com": expected "<namespace>/<dnsName>", ${example}`],
    ['empty dnsName', () => EgressHost.parse('ns1/'),
      `Invalid egress host "ns1/": both the namespace and the DNS name must be non-empty; ${example}`],
    ['bad namespace', () => EgressHost.parse('my_ns/a.com'),
      'Invalid egress host "my_ns/a.com": the namespace "my_ns" must be "*", ".", or a namespace name (a DNS label of at most 63 letters, digits and "-"), optionally after one "~"'],
    ['short name', () => EgressHost.parse('ns1/reviews'),
      'Invalid egress host "ns1/reviews": the DNS name "reviews" is a short name; write it fully qualified, e.g. "reviews.<namespace>.svc.cluster.local", or "*"'],
    ['partial wildcard', () => EgressHost.anyNamespace('*-foo.com'),
      'Invalid egress host "*/*-foo.com": "*" may only be the whole DNS name or its first label ("*.example.com")'],
    ['several problems at once', () => EgressHost.parse('my_ns/reviews'),
      'Invalid egress host "my_ns/reviews": the namespace "my_ns" must be "*", ".", or a namespace name (a DNS label of at most 63 letters, digits and "-"), optionally after one "~"; '
      + 'the DNS name "reviews" is a short name; write it fully qualified, e.g. "reviews.<namespace>.svc.cluster.local", or "*"'],
    ['IP address', () => EgressHost.namespace('ns1').host('10.0.0.1'),
      'Invalid egress host "ns1/10.0.0.1": the DNS name is invalid: the top-level label "1" is all digits (IP addresses are not host names)'],
    ['bad namespace via namespace()', () => EgressHost.namespace('Bad_NS'),
      'Invalid egress host "Bad_NS/*": the namespace "Bad_NS" must be "*", ".", or a namespace name (a DNS label of at most 63 letters, digits and "-"), optionally after one "~"'],
    ['empty namespace via namespace()', () => EgressHost.namespace(''),
      `Invalid egress host "/*": both the namespace and the DNS name must be non-empty; ${example}`],
    ['short name via sameNamespace()', () => EgressHost.sameNamespace('ratings'),
      'Invalid egress host "./ratings": the DNS name "ratings" is a short name; write it fully qualified, e.g. "ratings.<namespace>.svc.cluster.local", or "*"'],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(new Error(message));
  });

  test.each(['*', '.', '~ns1', 'a/b'])('namespace(%j) points to the dedicated factories', namespace => {
    expect(() => EgressHost.namespace(namespace)).toThrow(new Error(
      `Invalid egress host namespace "${namespace}": expected a namespace name, e.g. "istio-system"; `
      + 'use EgressHost.anyNamespace(), EgressHost.sameNamespace() or EgressHost.exclude() for "*", "." and "~"',
    ));
  });

  test('excluding an exclusion', () => {
    expect(() => EgressHost.exclude(EgressHost.none())).toThrow(new Error(
      'Invalid egress host exclusion: "~/*" is already an exclusion; pass the host to exclude, e.g. "ns1/a.example.com"',
    ));
  });
});
