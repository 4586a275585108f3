import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildMeshApp } from '../../examples/mesh/main';
import { IstioMesh, Severity } from '../../src';

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
});
