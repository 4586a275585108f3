import { Testing } from 'cdk8s';
import { Bind, CaptureMode, EgressHost, EgressListenerOptions, Sidecar, SidecarPort, SidecarProtocol } from '../src';

function renderedEgress(...egress: EgressListenerOptions[]): unknown {
  const sidecar = new Sidecar(Testing.chart(), 'sc', { egress });
  return sidecar.apiObject.toJson().spec.egress;
}

describe('EgressListenerOptions', () => {
  test('only hosts: the catch-all listener', () => {
    expect(renderedEgress({ hosts: [EgressHost.sameNamespace(), EgressHost.namespace('istio-system').allHosts()] }))
      .toEqual([{ hosts: ['./*', 'istio-system/*'] }]);
  });

  test('every field', () => {
    expect(renderedEgress({
      port: SidecarPort.mysql(3306, 'egressmysql'),
      bind: Bind.ip('127.0.0.1'),
      captureMode: CaptureMode.NONE,
      hosts: [EgressHost.anyNamespace('mysql.foo.com')],
    })).toEqual([{
      port: { number: 3306, protocol: 'MYSQL', name: 'egressmysql' },
      bind: '127.0.0.1',
      captureMode: 'NONE',
      hosts: ['*/mysql.foo.com'],
    }]);
  });

  test('a Unix domain socket listener', () => {
    expect(renderedEgress({
      port: SidecarPort.unixSocket(SidecarProtocol.HTTP, 'uds'),
      bind: Bind.unix('/var/run/egress.sock'),
      hosts: [EgressHost.all()],
    })).toEqual([{ port: { protocol: 'HTTP', name: 'uds' }, bind: 'unix:///var/run/egress.sock', hosts: ['*/*'] }]);
  });

  test('hosts and listeners keep the order given, exclusions included', () => {
    expect(renderedEgress(
      { port: SidecarPort.http(80), hosts: [EgressHost.parse('b/*'), EgressHost.parse('a/*'), EgressHost.exclude(EgressHost.parse('a/x.example.com'))] },
      { captureMode: CaptureMode.IPTABLES, hosts: [EgressHost.all()] },
    )).toEqual([
      { port: { number: 80, protocol: 'HTTP' }, hosts: ['b/*', 'a/*', '~a/x.example.com'] },
      { captureMode: 'IPTABLES', hosts: ['*/*'] },
    ]);
  });

  test('a receive-only workload', () => {
    expect(renderedEgress({ hosts: [EgressHost.none()] })).toEqual([{ hosts: ['~/*'] }]);
  });

  test('an empty host list is rendered as given, for validation to report', () => {
    expect(renderedEgress({ hosts: [] })).toEqual([{ hosts: [] }]);
  });
});
