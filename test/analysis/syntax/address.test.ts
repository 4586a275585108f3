import {
  defaultEndpointProblems, isIpAddress, parseDecimalPort, splitHostPort, unixAddressProblem,
} from '../../../src/analysis/syntax/address';

const FORMS = 'expected one of "127.0.0.1:<port>", "0.0.0.0:<port>", "[::1]:<port>", "[::]:<port>", ":<port>" or "unix://<path>"';

describe('isIpAddress (Go netip.ParseAddr)', () => {
  test.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'FE80::1', 'fe80::1%eth0', '::ffff:1.2.3.4'])('%s is an IP address', (value) => {
    expect(isIpAddress(value)).toBe(true);
  });

  test.each(['localhost', '[::1]', '10.0.0.0/8', '010.0.0.1', '1.2.3', '1.2.3.4%eth0', 'fe80::1%', ' 1.2.3.4', '', 'unix:///a.sock'])(
    '%s is not an IP address', (value) => {
      expect(isIpAddress(value)).toBe(false);
    });
});

describe('unixAddressProblem (Go ValidateUnixAddress)', () => {
  test.each(['/var/run/app.sock', '@app', '@foo/bar', '/@foo/bar/com'])('%s is valid', (address) => {
    expect(unixAddressProblem(address)).toBeUndefined();
  });

  test.each([
    ['', 'expected a socket path after "unix://", e.g. "unix:///var/run/app.sock"'],
    ['var/run/a.sock', 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"'],
    ['/', 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"'],
    ['/var/run/', 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"'],
  ])('%j -> %s', (address, reason) => {
    expect(unixAddressProblem(address)).toBe(reason);
  });
});

describe('splitHostPort (Go net.SplitHostPort)', () => {
  test.each([
    ['127.0.0.1:80', { host: '127.0.0.1', port: '80', missingPort: false }],
    ['[::1]:80', { host: '::1', port: '80', missingPort: false }],
    [':8080', { host: '', port: '8080', missingPort: false }],
    ['127.0.0.1:', { host: '127.0.0.1', port: '', missingPort: false }],
    ['127.0.0.1', { host: '', port: '', missingPort: true }],
    ['[::1]', { host: '', port: '', missingPort: true }],
  ])('%s splits', (value, parts) => {
    expect(splitHostPort(value)).toEqual(parts);
  });

  test.each(['::1:80', '[::1:80', '[::1]x:80', 'a[b]:80', '[a[b]:80', '[::1]:8]0'])('%s does not split', (value) => {
    expect(splitHostPort(value)).toBeUndefined();
  });
});

describe('parseDecimalPort (Go strconv.Atoi)', () => {
  test.each([['80', 80], ['+80', 80], ['-1', -1], ['0080', 80]])('%s -> %d', (text, port) => {
    expect(parseDecimalPort(text)).toBe(port);
  });

  test.each(['', 'hi', '8o', '80 ', '0x50', '8.0'])('%j is not a number', (text) => {
    expect(parseDecimalPort(text)).toBeUndefined();
  });
});

describe('defaultEndpointProblems', () => {
  test.each(['127.0.0.1:8080', '0.0.0.0:1', '[::1]:65535', '[::]:80', ':8080', 'unix:///var/run/app.sock', 'unix://@app'])('%s is valid', (value) => {
    expect(defaultEndpointProblems(value)).toEqual([]);
  });

  test.each([
    ['1.1.1.1:90', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST', reason: `the host "1.1.1.1" is not one Istio forwards to; ${FORMS}` }]],
    ['localhost:8080', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST', reason: `the host "localhost" is not one Istio forwards to; ${FORMS}` }]],
    ['[0:0:0:0:0:0:0:1]:80', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST', reason: `the host "0:0:0:0:0:0:0:1" is not one Istio forwards to; ${FORMS}` }]],
    ['::1:80', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST', reason: FORMS }]],
    ['127.0.0.1:hi', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT', reason: `the port "hi" is not a number; ${FORMS}` }]],
    ['127.0.0.1', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT', reason: `the port is missing; ${FORMS}` }]],
    ['127.0.0.1:0', [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT', reason: 'the port 0 is outside 1..65535' }]],
    ['10.0.0.1:70000', [
      { ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST', reason: `the host "10.0.0.1" is not one Istio forwards to; ${FORMS}` },
      { ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT', reason: 'the port 70000 is outside 1..65535' },
    ]],
    ['unix://var/run/a.sock', [{
      ruleId: 'S-IN-DEFAULT-ENDPOINT-UDS',
      reason: 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"',
    }]],
  ])('%s -> %j', (value, problems) => {
    expect(defaultEndpointProblems(value)).toEqual(problems);
  });
});
