// Edge cases a review of the reach, least-privilege and conversion work found, one test each.
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { IstioMesh, LeastPrivilegeSidecars, MeshAnalysis, OutboundTrafficPolicyMode, SidecarConversion, WorkloadCalls } from '../src';
import { meshScopes } from '../src/analysis/reach/workload-scope';
import { MeshSnapshot } from '../src/analysis/snapshot';
import { egressHostList } from '../src/generate/egress-plan';
import { parseTraffic } from '../src/generate/traffic';

const pod = (namespace: string | undefined, name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(namespace ? { namespace } : {}) }, spec: {} });

describe('reach', () => {
  test('a workload without a namespace is named "/NAME", as the hint writes it', () => {
    expect(MeshAnalysis.canReach([pod(undefined, 'web')], '/web', 'api.example.com:443').from.name).toBe('web');
  });

  test('canReach refuses a from or to that is not a string, for people', () => {
    expect(() => MeshAnalysis.canReach([pod('shop', 'web')], undefined as unknown as string, 'cart:80')).toThrow('MeshAnalysis.canReach: from undefined is invalid: expected the workload as "NS/NAME"');
    expect(() => MeshAnalysis.canReach([pod('shop', 'web')], 'shop/web', 7 as unknown as string)).toThrow('MeshAnalysis.canReach: to 7 is invalid: expected "HOST[:PORT]"');
  });

  test('a Sidecar whose outbound mode Istio rejects runs with the mesh\'s, not an assumed default', () => {
    const sidecar = { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'shop' }, spec: { outboundTrafficPolicy: { mode: 'BLOCK' } } };
    const mesh = new MeshSnapshot([sidecar, pod('shop', 'web')].map((manifest) => ({ manifest })), { outboundTrafficPolicyMode: 'REGISTRY_ONLY', meshConfigSource: 'ConfigMap istio-system/istio' });
    expect(meshScopes(mesh).scopes[0].outbound).toEqual({ mode: 'REGISTRY_ONLY', from: 'the mesh\'s, from ConfigMap istio-system/istio', assumed: false });
  });
});

describe('least privilege', () => {
  test('a workload in the root namespace gets a Sidecar of its own, never a mesh-wide default', () => {
    const app = Testing.app();
    const root = new Chart(app, 'root', { namespace: 'istio-system' });
    const tool = new kplus.Deployment(root, 'tool', { metadata: { name: 'tool' }, containers: [{ image: 'tool', securityContext: { ensureNonRoot: false } }] });
    WorkloadCalls.of(tool).toHost('api.example.com', 443);
    const generated = new LeastPrivilegeSidecars(root, 'least-privilege');
    expect(generated.namespaceDefaultSidecars).toEqual([]);
    expect(generated.workloadSidecars.map((s) => s.node.id)).toEqual(['istio-system.Deployment.tool']);
  });

  test('a call an always-imported "ns/*" covers is not repeated', () => {
    expect(egressHostList(['istio-system/istiod.istio-system.svc.cluster.local', 'shop/cart.shop.svc.cluster.local'])).toEqual(['shop/cart.shop.svc.cluster.local', 'istio-system/*']);
    expect(egressHostList(['shop/cart.shop.svc.cluster.local'], ['*/*'])).toEqual(['*/*']);
  });

  test('Prometheus infinities ("+Inf") are samples, not shape errors', () => {
    const series = (value: string) => ({ metric: { source_workload: 'web', source_workload_namespace: 'shop', destination_service: 'cart.shop.svc.cluster.local', destination_service_namespace: 'shop' }, value: [1, value] });
    const text = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [series('+Inf'), series('-Inf')] } });
    expect(() => parseTraffic(text, 'traffic.json')).not.toThrow();
  });

  test('IstioMesh says its maxScopeHosts', () => {
    const mesh = IstioMesh.configure(Testing.app(), { maxScopeHosts: 7, outboundTrafficPolicy: OutboundTrafficPolicyMode.ALLOW_ANY });
    expect([mesh.maxScopeHosts, mesh.outboundTrafficPolicy]).toEqual([7, OutboundTrafficPolicyMode.ALLOW_ANY]);
  });
});

describe('conversion', () => {
  test('toTypeScript refuses what is not a list, for people', () => {
    expect(() => SidecarConversion.toTypeScript('x' as unknown as [])).toThrow('Cannot convert: manifests must be a list of Kubernetes objects, not string');
  });
});
