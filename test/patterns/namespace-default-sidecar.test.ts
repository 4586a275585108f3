import { Chart, Testing } from 'cdk8s';
import {
  ConnectionPoolSettings, EgressHost, Endpoint, NamespaceDefaultSidecar, OutboundTrafficPolicy, SidecarPort, WorkloadSelector,
} from '../../src';

describe('NamespaceDefaultSidecar', () => {
  test('defaults: "default" in the chart namespace, no selector, egress to ./* and istio-system/*', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const sidecar = new NamespaceDefaultSidecar(chart, 'default');
    expect(Testing.synth(chart)).toEqual([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: 'shop' },
      spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] },
    }]);
    expect(sidecar.workloadSelector).toBeUndefined();
  });

  test('the seed\'s prod-us1 default', () => {
    const sidecar = new NamespaceDefaultSidecar(Testing.chart(), 'default', {
      metadata: { namespace: 'prod-us1' },
      egress: [{
        hosts: [
          EgressHost.namespace('prod-us1').allHosts(),
          EgressHost.namespace('prod-apis').allHosts(),
          EgressHost.namespace('istio-system').allHosts(),
        ],
      }],
    });
    expect(sidecar.apiObject.toJson()).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: 'prod-us1' },
      spec: { egress: [{ hosts: ['prod-us1/*', 'prod-apis/*', 'istio-system/*'] }] },
    });
  });

  test('name, ingress, outboundTrafficPolicy and inboundConnectionPool are passed through', () => {
    const pool: ConnectionPoolSettings = { tcp: { maxConnections: 100 } };
    const sidecar = new NamespaceDefaultSidecar(Testing.chart(), 'ns-default', {
      metadata: { name: 'shop-default', namespace: 'shop' },
      ingress: [{ port: SidecarPort.http(8080, 'http'), defaultEndpoint: Endpoint.loopback(8081) }],
      egress: [{ hosts: [EgressHost.all()] }],
      outboundTrafficPolicy: OutboundTrafficPolicy.registryOnly(),
      inboundConnectionPool: pool,
    });
    expect(sidecar.name).toEqual('shop-default');
    expect(sidecar.apiObject.toJson().spec).toEqual({
      ingress: [{ port: { number: 8080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8081' }],
      egress: [{ hosts: ['*/*'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
      inboundConnectionPool: { tcp: { maxConnections: 100 } },
    });
  });

  test('refuses a workload selector (a type error, and at run time for JavaScript)', () => {
    // @ts-expect-error workloadSelector is not a prop of NamespaceDefaultSidecar
    expect(() => new NamespaceDefaultSidecar(Testing.chart(), 'default', { workloadSelector: WorkloadSelector.of({ app: 'a' }) })).toThrow(
      'NamespaceDefaultSidecar at "test/default" cannot have a workloadSelector: it applies to the whole namespace; '
      + 'use a WorkloadSidecar to configure some workloads only',
    );
  });
});
