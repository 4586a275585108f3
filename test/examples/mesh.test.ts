import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildMeshApp } from '../../examples/mesh/main';
import { IstioMesh, MeshAnalysis, OutboundTrafficPolicyMode, Severity } from '../../src';

function synthMesh(): any[] {
  const app = buildMeshApp(Testing.app());
  return parseAllDocuments(app.synthYaml()).map((doc) => doc.toJSON());
}

const id = (m: any) => `${m.metadata.namespace}/${m.metadata.name}`;

describe('examples/mesh', () => {
  const manifests = synthMesh();
  const sidecars = manifests.filter((m) => m.kind === 'Sidecar');
  const deployments = manifests.filter((m) => m.kind === 'Deployment');

  test('it has a mesh default, two namespace defaults and three workload Sidecars', () => {
    expect(sidecars.filter((s) => !s.spec.workloadSelector).map(id).sort())
      .toEqual(['istio-system/default', 'payments/default', 'shop/default']);
    expect(sidecars.filter((s) => s.spec.workloadSelector).map(id).sort())
      .toEqual(['payments/payments-api', 'shop/cart', 'shop/frontend']);
  });

  test('every workload Sidecar selects the pods of a Deployment in its namespace', () => {
    for (const sidecar of sidecars.filter((s) => s.spec.workloadSelector)) {
      const selector: Record<string, string> = sidecar.spec.workloadSelector.labels;
      expect(Object.keys(selector).length).toBeGreaterThan(0);
      const selected = deployments.filter((d) => d.metadata.namespace === sidecar.metadata.namespace
        && Object.entries(selector).every(([key, value]) => d.spec.template.metadata.labels[key] === value));
      // Each Sidecar is named after the Deployment it configures.
      expect(selected.map(id)).toEqual([id(sidecar)]);
    }
  });

  test('the external API is a ServiceEntry exported to payments only', () => {
    const entries = manifests.filter((m) => m.kind === 'ServiceEntry');
    expect(entries.map(id)).toEqual(['external/card-processor']);
    expect(entries[0].spec.exportTo).toEqual(['payments']);
  });

  test('it synthesizes with no unsuppressed finding', () => {
    const findings = IstioMesh.of(buildMeshApp(Testing.app())).findings();
    expect(findings.filter((f) => f.suppressedReason === undefined && f.severity !== Severity.INFO)).toEqual([]);
  });

  test('its workloads declare their calls, and every declared call is in the caller\'s scope', () => {
    const declared = deployments
      .filter((d) => d.metadata.annotations?.['cdk8s-istio-sidecar.io/calls'])
      .map((d) => [id(d), d.metadata.annotations['cdk8s-istio-sidecar.io/calls']]);
    expect(declared).toEqual([
      ['payments/payments-api', 'ledger.payments:80,api.cards.example.com:443'],
      ['shop/frontend', 'catalog.shop:80,cart.shop:80,payments-api.payments:80'],
    ]);
    for (const [from, calls] of declared) {
      for (const call of calls.split(',')) {
        const answer = MeshAnalysis.canReach(manifests, from, call, { outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY });
        expect([from, call, answer.reachable, answer.passthrough]).toEqual([from, call, true, false]);
      }
    }
  });

  test('a call the frontend\'s Sidecar does not import fails: blocked under the mesh\'s REGISTRY_ONLY', () => {
    const answer = MeshAnalysis.canReach(manifests, 'shop/frontend', 'ledger.payments:80', { outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY });
    expect(answer.reachable).toBe(false);
    expect(answer.reason).toContain('add "payments/ledger.payments.svc.cluster.local" to spec.egress[0].hosts');
  });
});
