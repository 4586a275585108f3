import {
  ISTIO_PROTOCOLS, UINT32_MAX, isIstioProtocol, isUint32, portNameProblem, portNumberProblem, protocolProblem,
} from '../../../src/analysis/syntax/port';

describe('protocolProblem', () => {
  test.each([
    ...ISTIO_PROTOCOLS.map((p) => [p, p]),
    ['lower case', 'http'],
    ['mixed case', 'Grpc-Web'],
  ])('valid: %s', (_name, protocol) => {
    expect(isIstioProtocol(protocol)).toBe(true);
    expect(protocolProblem(protocol)).toBeUndefined();
  });

  test.each([
    ['http1', 'http1'],
    ['h2c', 'h2c'],
    ['HBONE', 'HBONE'],
    ['grpc_web (underscore)', 'grpc_web'],
    ['empty (callers treat it as "sniff")', ''],
  ])('invalid: %s', (_name, protocol) => {
    expect(protocolProblem(protocol)).toBe(
      'expected one of HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, REDIS, MYSQL (or no protocol, to let Istio sniff it)');
  });
});

describe('portNameProblem', () => {
  test.each([
    ['lower case', 'http-web'],
    ['upper case (Istio accepts it)', 'HTTP-Web'],
    ['digits only', '9080'],
    ['63 characters', 'a'.repeat(63)],
  ])('valid: %s', (_name, name) => {
    expect(portNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['underscore', 'http_9080'],
    ['dot', 'web.1'],
    ['starts with "-"', '-web'],
    ['64 characters', 'a'.repeat(64)],
    ['empty', ''],
  ])('invalid: %s', (_name, name) => {
    expect(portNameProblem(name)).toBe('expected a DNS label: at most 63 letters, digits and "-", starting and ending with a letter or digit, e.g. "http-web"');
  });
});

describe('portNumberProblem', () => {
  test.each([[1], [80], [65535]])('valid: %d', (value) => {
    expect(portNumberProblem(value)).toBeUndefined();
  });

  test.each([[0], [-1], [65536], [80.5], [NaN]])('invalid: %d', (value) => {
    expect(portNumberProblem(value)).toBe('expected a whole number from 1 to 65535');
  });
});

describe('isUint32', () => {
  test.each([[0], [80], [65536], [UINT32_MAX]])('in range: %d', (value) => {
    expect(isUint32(value)).toBe(true);
  });

  test.each([[-1], [UINT32_MAX + 1], [80.5], [Infinity], [NaN]])('out of range: %d', (value) => {
    expect(isUint32(value)).toBe(false);
  });
});
