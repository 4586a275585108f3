import { dnsLabelsProblem, fqdnProblem, isDns1123Label, isGoInteger, wildcardDomainProblem } from '../../../src/analysis/syntax/dns';

describe('isDns1123Label', () => {
  test.each(['a', 'abc-123', 'A1', '1', 'a'.repeat(63)])('valid: %s', (label) => {
    expect(isDns1123Label(label)).toBe(true);
  });
  test.each(['', '-a', 'a-', 'a_b', 'a.b', '*', 'a'.repeat(64)])('invalid: "%s"', (label) => {
    expect(isDns1123Label(label)).toBe(false);
  });
});

describe('isGoInteger (strconv.Atoi)', () => {
  test.each(['0', '1', '+5', '-5', '007', '9223372036854775807', '-9223372036854775808'])('a number: %s', (text) => {
    expect(isGoInteger(text)).toBe(true);
  });
  test.each(['', '+', '1a', '1.0', ' 1', '9223372036854775808', '-9223372036854775809', '0x10'])('not a number: "%s"', (text) => {
    expect(isGoInteger(text)).toBe(false);
  });
});

describe('dnsLabelsProblem', () => {
  test.each(['a.com', 'istio.io.', 'x', '1.example.com', `a.${'1'.repeat(20)}`])('valid: %s', (domain) => {
    expect(dnsLabelsProblem(domain)).toBeUndefined();
  });
  test.each([
    ['an all-numeric top level', '10.0.0.1', 'the top-level label "1" is all digits (IP addresses are not host names)'],
    ['an empty label', 'a..com', 'the label "" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)'],
    ['an underscore', 'foo_bar.com', 'the label "foo_bar" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)'],
  ])('invalid: %s', (_name, domain, reason) => {
    expect(dnsLabelsProblem(domain)).toBe(reason);
  });
});

describe('fqdnProblem', () => {
  test.each(['egress-proxy.infra.svc.cluster.local', 'foo.bar.', 'localhost'])('valid: %s', (domain) => {
    expect(fqdnProblem(domain)).toBeUndefined();
  });
  test.each([
    ['empty', '', 'the domain name is empty'],
    ['too long', 'a'.repeat(256), 'the domain name is 256 characters long, more than 255'],
    ['a wildcard', '*.example.com', 'the label "*" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)'],
  ])('invalid: %s', (_name, domain, reason) => {
    expect(fqdnProblem(domain)).toBe(reason);
  });
});

describe('wildcardDomainProblem', () => {
  test.each(['*', '*.example.com', '*a.example.com', '*-a.example.com', 'example.com', '*.'])('valid: %s', (domain) => {
    expect(wildcardDomainProblem(domain)).toBeUndefined();
  });
  test.each([
    ['a wildcard after the first label', 'a.*.com', 'the label "*" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)'],
    ['a bad first label', 'a*.com', 'the label "a*" is not a DNS label or wildcard'],
    ['only a dot', '.', 'the label "" is not a DNS label or wildcard'],
    ['an IP address', '10.0.0.1', 'the top-level label "1" is all digits (IP addresses are not host names)'],
  ])('invalid: %s', (_name, domain, reason) => {
    expect(wildcardDomainProblem(domain)).toBe(reason);
  });
});
