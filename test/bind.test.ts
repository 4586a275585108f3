import { Bind } from '../src';

describe('Bind factories', () => {
  test.each([
    ['IPv4', Bind.ip('127.0.0.1'), '127.0.0.1', false],
    ['IPv6', Bind.ip('::1'), '::1', false],
    ['unix path', Bind.unix('/var/run/egress.sock'), 'unix:///var/run/egress.sock', true],
    ['unix abstract', Bind.unix('@egress'), 'unix://@egress', true],
    ['parse IPv4', Bind.parse('172.16.1.32'), '172.16.1.32', false],
    ['parse unix', Bind.parse('unix:///@foo/bar'), 'unix:///@foo/bar', true],
  ])('%s', (_name, bind, text, isUnixSocket) => {
    expect(bind.toString()).toBe(text);
    expect(bind.isUnixSocket).toBe(isUnixSocket);
  });
});

describe('Bind syntax errors', () => {
  const ipReason = 'expected a literal IPv4 or IPv6 address without brackets or CIDR suffix, e.g. "127.0.0.1" or "::1"';
  const udsPath = 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"';
  test.each([
    ['host name', () => Bind.ip('localhost'), `Invalid bind address "localhost": ${ipReason}`],
    ['bracketed IPv6', () => Bind.ip('[::1]'), `Invalid bind address "[::1]": ${ipReason}`],
    ['CIDR', () => Bind.parse('10.0.0.0/8'), `Invalid bind address "10.0.0.0/8": ${ipReason}`],
    ['relative unix path', () => Bind.unix('var/run/a.sock'), `Invalid bind address "unix://var/run/a.sock": ${udsPath}`],
    ['unix directory via parse', () => Bind.parse('unix:///var/run/'), `Invalid bind address "unix:///var/run/": ${udsPath}`],
    ['empty unix path', () => Bind.unix(''),
      'Invalid bind address "unix://": expected a socket path after "unix://", e.g. "unix:///var/run/app.sock"'],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(new Error(message));
  });
});
