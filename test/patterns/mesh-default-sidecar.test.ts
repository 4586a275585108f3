import { Chart, Testing } from 'cdk8s';
import {
  EgressHost, IstioMesh, MeshDefaultSidecar, OutboundTrafficPolicy, SidecarApiVersion, SidecarPort, WorkloadSelector,
} from '../../src';

describe('MeshDefaultSidecar', () => {
  test('defaults: "default" in istio-system, no selector, egress to ./* and istio-system/*', () => {
    const chart = Testing.chart();
    const sidecar = new MeshDefaultSidecar(chart, 'mesh-default');
    expect(Testing.synth(chart)).toEqual([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: 'istio-system' },
      spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] },
    }]);
    expect([sidecar.name, sidecar.namespace, sidecar.workloadSelector]).toEqual(['default', 'istio-system', undefined]);
  });

  test('lives in the configured root namespace, in a chart of that namespace or of none', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { rootNamespace: 'istio-config' });
    const inRoot = new MeshDefaultSidecar(new Chart(app, 'root', { namespace: 'istio-config' }), 'mesh-default');
    const inNone = new MeshDefaultSidecar(new Chart(app, 'none'), 'mesh-default');
    expect([inRoot, inNone].map((s) => s.apiObject.toJson().metadata)).toEqual([{ name: 'default', namespace: 'istio-config' }, { name: 'default', namespace: 'istio-config' }]);
  });

  test('in a chart of another namespace than the root namespace -> throws, naming both namespaces and the fix', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { rootNamespace: 'istio-config' });
    expect(() => new MeshDefaultSidecar(new Chart(app, 'c', { namespace: 'shop' }), 'mesh-default')).toThrow(
      'MeshDefaultSidecar at "c/mesh-default" is in a chart of namespace "shop", but the mesh-wide default lives in the mesh\'s root namespace, "istio-config"; '
      + 'create it in a chart without a namespace or of namespace "istio-config", or, if "shop" is the root namespace, '
      + 'call IstioMesh.configure(app, { rootNamespace: "shop" }) before creating it',
    );
  });

  test('in a chart of namespace "istio-config" while the mesh keeps the default root namespace -> throws, naming istio-system', () => {
    expect(() => new MeshDefaultSidecar(new Chart(Testing.app(), 'mesh', { namespace: 'istio-config' }), 'mesh-default')).toThrow(
      /is in a chart of namespace "istio-config", but the mesh-wide default lives in the mesh's root namespace, "istio-system"; .*IstioMesh.configure\(app, \{ rootNamespace: "istio-config" \}\)/,
    );
  });

  test('an explicit metadata.namespace equal to the root namespace wins over the chart\'s', () => {
    const sidecar = new MeshDefaultSidecar(new Chart(Testing.app(), 'c', { namespace: 'shop' }), 'mesh-default', { metadata: { namespace: 'istio-system' } });
    expect(sidecar.apiObject.toJson().metadata).toEqual({ name: 'default', namespace: 'istio-system' });
  });

  test('egress, outboundTrafficPolicy and apiVersion replace the defaults', () => {
    const sidecar = new MeshDefaultSidecar(Testing.chart(), 'mesh-default', {
      apiVersion: SidecarApiVersion.V1BETA1,
      egress: [
        { port: SidecarPort.http(9080, 'http'), hosts: [EgressHost.sameNamespace()] },
        MeshDefaultSidecar.defaultEgress(),
      ],
      outboundTrafficPolicy: OutboundTrafficPolicy.registryOnly(),
    });
    const json = sidecar.apiObject.toJson();
    expect(json.apiVersion).toEqual('networking.istio.io/v1beta1');
    expect(json.spec).toEqual({
      egress: [
        { port: { number: 9080, protocol: 'HTTP', name: 'http' }, hosts: ['./*'] },
        { hosts: ['./*', 'istio-system/*'] },
      ],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
  });

  test('an empty egress list renders no egress listener', () => {
    const sidecar = new MeshDefaultSidecar(Testing.chart(), 'mesh-default', { egress: [], outboundTrafficPolicy: OutboundTrafficPolicy.registryOnly() });
    expect(sidecar.apiObject.toJson().spec).toEqual({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } });
  });

  test('refuses a workload selector (a type error, and at run time for JavaScript)', () => {
    const chart = Testing.chart();
    // @ts-expect-error workloadSelector is not a prop of MeshDefaultSidecar
    expect(() => new MeshDefaultSidecar(chart, 'mesh-default', { workloadSelector: WorkloadSelector.of({ app: 'a' }) })).toThrow(
      'MeshDefaultSidecar at "test/mesh-default" cannot have a workloadSelector: a root-namespace Sidecar with a selector is never the mesh-wide default; '
      + 'use a WorkloadSidecar in the workload\'s own namespace instead',
    );
  });

  test('metadata: labels and annotations pass; the fixed name and root namespace may be repeated', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { rootNamespace: 'istio-config' });
    const sidecar = new MeshDefaultSidecar(new Chart(app, 'mesh'), 'mesh-default', {
      metadata: { name: 'default', namespace: 'istio-config', labels: { team: 'platform' }, annotations: { note: 'mesh-wide' } },
    });
    expect(sidecar.apiObject.toJson().metadata).toEqual({
      name: 'default', namespace: 'istio-config', labels: { team: 'platform' }, annotations: { note: 'mesh-wide' },
    });
  });

  test('metadata.name other than "default" -> error naming the fix', () => {
    expect(() => new MeshDefaultSidecar(Testing.chart(), 'mesh-default', { metadata: { name: 'global' } })).toThrow(new Error(
      'MeshDefaultSidecar at "test/mesh-default" cannot be named "global": the mesh-wide default is always named "default"; leave metadata.name out',
    ));
  });

  test('metadata.namespace other than the root namespace -> error naming both fixes', () => {
    expect(() => new MeshDefaultSidecar(Testing.chart(), 'mesh-default', { metadata: { namespace: 'shop' } })).toThrow(new Error(
      'MeshDefaultSidecar at "test/mesh-default" cannot be in namespace "shop": the mesh-wide default lives in the mesh\'s root namespace, "istio-system"; '
      + 'leave metadata.namespace out, or call IstioMesh.configure(app, { rootNamespace: "shop" }) before creating it',
    ));
  });

  test('ingress and inboundConnectionPool, which Istio allows in the root default, render for every workload that falls back to it', () => {
    const sidecar = new MeshDefaultSidecar(Testing.chart(), 'mesh-default', {
      ingress: [{ port: SidecarPort.http(8080, 'http') }],
      inboundConnectionPool: { tcp: { maxConnections: 100 } },
    });
    sidecar.addIngress({ port: SidecarPort.grpc(9090, 'grpc') });
    expect(sidecar.apiObject.toJson().spec).toEqual({
      ingress: [
        { port: { number: 8080, protocol: 'HTTP', name: 'http' } },
        { port: { number: 9090, protocol: 'GRPC', name: 'grpc' } },
      ],
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
      inboundConnectionPool: { tcp: { maxConnections: 100 } },
    });
  });

  test('once it exists, IstioMesh.configure() refuses another root namespace', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { rootNamespace: 'istio-config' });
    new MeshDefaultSidecar(new Chart(app, 'mesh'), 'default');
    expect(() => IstioMesh.configure(app, { rootNamespace: 'istio-system' })).toThrow(
      'Cannot change the root namespace to "istio-system": the MeshDefaultSidecar at "mesh/default" was already created in "istio-config". '
      + 'Call IstioMesh.configure() before defining a MeshDefaultSidecar.',
    );
    // The same value, and other settings, are still accepted.
    expect(() => IstioMesh.configure(app, { rootNamespace: 'istio-config', clusterDomain: 'cluster.local' })).not.toThrow();
    expect(IstioMesh.of(app).rootNamespace).toEqual('istio-config');
  });

  test('other Sidecars do not fix the root namespace', () => {
    const app = Testing.app();
    new MeshDefaultSidecar(new Chart(app, 'mesh'), 'default', { apiVersion: SidecarApiVersion.V1 });
    const other = Testing.app();
    IstioMesh.configure(other, { rootNamespace: 'istio-config' });
    expect(IstioMesh.of(other).rootNamespace).toEqual('istio-config');
  });
});
