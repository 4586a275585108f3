import { Endpoint } from '../src';

describe('Endpoint factories', () => {
  test.each([
    ['loopback', Endpoint.loopback(8080), '127.0.0.1:8080', false],
    ['loopbackIpv6', Endpoint.loopbackIpv6(8080), '[::1]:8080', false],
    ['anyAddress', Endpoint.anyAddress(9080), '0.0.0.0:9080', false],
    ['anyAddressIpv6', Endpoint.anyAddressIpv6(9080), '[::]:9080', false],
    ['unix path', Endpoint.unix('/var/run/someuds.sock'), 'unix:///var/run/someuds.sock', true],
    ['unix abstract', Endpoint.unix('@app'), 'unix://@app', true],
    ['parse loopback', Endpoint.parse('127.0.0.1:1'), '127.0.0.1:1', false],
    ['parse port only', Endpoint.parse(':8080'), ':8080', false],
    ['parse unix', Endpoint.parse('unix:///var/run/app.sock'), 'unix:///var/run/app.sock', true],
  ])('%s', (_name, endpoint, text, isUnixSocket) => {
    expect(endpoint.toString()).toBe(text);
    expect(endpoint.isUnixSocket).toBe(isUnixSocket);
  });
});

describe('Endpoint syntax errors', () => {
  const forms = '"127.0.0.1:<port>", "0.0.0.0:<port>", "[::1]:<port>", "[::]:<port>", ":<port>" or "unix://<path>"';
  const udsPath = 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"';
  test.each([
    ['port 0', () => Endpoint.loopback(0), 'Invalid default endpoint "127.0.0.1:0": the port 0 is outside 1..65535'],
    ['port 65536', () => Endpoint.anyAddressIpv6(65536), 'Invalid default endpoint "[::]:65536": the port 65536 is outside 1..65535'],
    ['fractional port', () => Endpoint.loopback(80.5), `Invalid default endpoint "127.0.0.1:80.5": the port "80.5" is not a number; expected one of ${forms}`],
    ['missing port', () => Endpoint.parse('127.0.0.1'), `Invalid default endpoint "127.0.0.1": the port is missing; expected one of ${forms}`],
    ['other host', () => Endpoint.parse('1.1.1.1:90'),
      `Invalid default endpoint "1.1.1.1:90": the host "1.1.1.1" is not one Istio forwards to; expected one of ${forms}`],
    ['host and port both wrong', () => Endpoint.parse('localhost:hi'),
      `Invalid default endpoint "localhost:hi": the host "localhost" is not one Istio forwards to; expected one of ${forms}; the port "hi" is not a number; expected one of ${forms}`],
    ['expanded IPv6 loopback', () => Endpoint.parse('[0:0:0:0:0:0:0:1]:80'),
      `Invalid default endpoint "[0:0:0:0:0:0:0:1]:80": the host "0:0:0:0:0:0:0:1" is not one Istio forwards to; expected one of ${forms}`],
    ['relative unix path', () => Endpoint.unix('var/run/a.sock'), `Invalid default endpoint "unix://var/run/a.sock": ${udsPath}`],
    ['unix directory', () => Endpoint.unix('/var/run/'), `Invalid default endpoint "unix:///var/run/": ${udsPath}`],
    ['empty unix path', () => Endpoint.unix(''),
      'Invalid default endpoint "unix://": expected a socket path after "unix://", e.g. "unix:///var/run/app.sock"'],
    ['scheme given twice', () => Endpoint.unix('unix:///a.sock'), `Invalid default endpoint "unix://unix:///a.sock": ${udsPath}`],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(new Error(message));
  });
});
