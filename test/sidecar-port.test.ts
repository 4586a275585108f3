import { SidecarPort, SidecarProtocol } from '../src';

describe('SidecarPort factories', () => {
  test.each([
    ['http', SidecarPort.http(9080, 'http'), { number: 9080, protocol: 'HTTP', name: 'http' }, '9080/HTTP (http)'],
    ['https', SidecarPort.https(443), { number: 443, protocol: 'HTTPS' }, '443/HTTPS'],
    ['http2', SidecarPort.http2(8080), { number: 8080, protocol: 'HTTP2' }, '8080/HTTP2'],
    ['grpc', SidecarPort.grpc(9090, 'grpc'), { number: 9090, protocol: 'GRPC', name: 'grpc' }, '9090/GRPC (grpc)'],
    ['grpcWeb', SidecarPort.grpcWeb(8081), { number: 8081, protocol: 'GRPC-WEB' }, '8081/GRPC-WEB'],
    ['httpProxy', SidecarPort.httpProxy(3128), { number: 3128, protocol: 'HTTP_PROXY' }, '3128/HTTP_PROXY'],
    ['tcp', SidecarPort.tcp(5432), { number: 5432, protocol: 'TCP' }, '5432/TCP'],
    ['tls', SidecarPort.tls(8443), { number: 8443, protocol: 'TLS' }, '8443/TLS'],
    ['udp', SidecarPort.udp(53), { number: 53, protocol: 'UDP' }, '53/UDP'],
    ['mongo', SidecarPort.mongo(27017), { number: 27017, protocol: 'MONGO' }, '27017/MONGO'],
    ['redis', SidecarPort.redis(6379), { number: 6379, protocol: 'REDIS' }, '6379/REDIS'],
    ['mysql', SidecarPort.mysql(3306, 'egressmysql'), { number: 3306, protocol: 'MYSQL', name: 'egressmysql' }, '3306/MYSQL (egressmysql)'],
    ['sniffed', SidecarPort.sniffed(8000, 'web'), { number: 8000, name: 'web' }, '8000/sniffed (web)'],
    ['unixSocket with protocol', SidecarPort.unixSocket(SidecarProtocol.HTTP, 'uds'), { protocol: 'HTTP', name: 'uds' }, 'unix-socket/HTTP (uds)'],
    ['unixSocket bare', SidecarPort.unixSocket(), {}, 'unix-socket/sniffed'],
    ['of(all fields)', SidecarPort.of({ number: 1, protocol: SidecarProtocol.TCP, name: 'a' }), { number: 1, protocol: 'TCP', name: 'a' }, '1/TCP (a)'],
    ['of(number only)', SidecarPort.of({ number: 65535 }), { number: 65535 }, '65535/sniffed'],
  ])('%s', (_name, port, json, text) => {
    expect(port._toIstio()).toEqual(json);
    expect(port.toString()).toBe(text);
  });

  test('keys are rendered in the order number, protocol, name', () => {
    expect(Object.keys(SidecarPort.http(9080, 'somename')._toIstio())).toEqual(['number', 'protocol', 'name']);
  });

  test('properties and isUnixSocket', () => {
    const port = SidecarPort.grpc(9090, 'grpc');
    expect([port.number, port.protocol, port.name, port.isUnixSocket]).toEqual([9090, SidecarProtocol.GRPC, 'grpc', false]);
    expect(SidecarPort.unixSocket().isUnixSocket).toBe(true);
  });

  test('the protocol enum holds exactly what Istio accepts', () => {
    expect(Object.values(SidecarProtocol)).toEqual([
      'HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY', 'TCP', 'TLS', 'UDP', 'MONGO', 'REDIS', 'MYSQL',
    ]);
  });
});

describe('SidecarPort syntax errors', () => {
  const numberReason = 'expected a whole number from 1 to 65535';
  const nameReason = 'expected a DNS label: at most 63 letters, digits and "-", starting and ending with a letter or digit, e.g. "http-web"';
  test.each([
    ['port 0', () => SidecarPort.http(0), `Invalid port number 0: ${numberReason}`],
    ['port 65536', () => SidecarPort.tcp(65536), `Invalid port number 65536: ${numberReason}`],
    ['fractional port', () => SidecarPort.sniffed(80.5), `Invalid port number 80.5: ${numberReason}`],
    ['negative port', () => SidecarPort.of({ number: -1 }), `Invalid port number -1: ${numberReason}`],
    ['underscore in name', () => SidecarPort.http(9080, 'http_9080'), `Invalid port name "http_9080": ${nameReason}`],
    ['dot in name', () => SidecarPort.http(9080, 'web.1'), `Invalid port name "web.1": ${nameReason}`],
    ['empty name', () => SidecarPort.unixSocket(undefined, ''), `Invalid port name "": ${nameReason}`],
    ['unknown protocol', () => SidecarPort.of({ number: 80, protocol: 'http1' as SidecarProtocol }),
      'Invalid port protocol "http1": expected one of HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, REDIS, MYSQL (or no protocol, to let Istio sniff it)'],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(new Error(message));
  });
});
