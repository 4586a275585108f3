import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildSeedApp } from '../../examples/seed/main';
import { IstioMesh, Severity } from '../../src';
import { SEED_DOCUMENTS } from '../fixtures/seed-documents';

// The six documents of the seed (Istio's Sidecar reference), field for field. apiVersion is
// networking.istio.io/v1 here (the seed writes v1alpha3; Istio serves the same schema).
const SEED = SEED_DOCUMENTS.map((doc) => ({ kind: doc.kind, namespace: doc.metadata.namespace, name: doc.metadata.name, spec: doc.spec }));

/** Synthesizes the app as `cdk8s synth` would (validation included), without writing files. */
function synthSeed(): any[] {
  const app = buildSeedApp(Testing.app());
  return parseAllDocuments(app.synthYaml()).map((doc) => doc.toJSON());
}

describe('examples/seed', () => {
  const manifests = synthSeed();

  test.each(SEED.map((doc) => [`${doc.kind} ${doc.namespace}/${doc.name}`, doc] as const))('%s is the seed document', (_, expected) => {
    const found = manifests.filter((m) => m.kind === expected.kind
      && m.metadata.namespace === expected.namespace && m.metadata.name === expected.name);
    expect(found).toHaveLength(1);
    expect(found[0].apiVersion).toEqual('networking.istio.io/v1');
    expect(found[0].spec).toEqual(expected.spec);
  });

  test('it holds the six seed documents and nothing else', () => {
    expect(manifests.map((m) => `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`).sort())
      .toEqual(SEED.map((doc) => `${doc.kind} ${doc.namespace}/${doc.name}`).sort());
  });

  test('it synthesizes with no unsuppressed finding; the one suppressed is the productpage selector clash', () => {
    const app = buildSeedApp(Testing.app());
    const findings = IstioMesh.of(app).findings();
    expect(findings.filter((f) => f.suppressedReason === undefined && f.severity !== Severity.INFO)).toEqual([]);
    expect(findings.filter((f) => f.suppressedReason !== undefined).map((f) => [f.ruleId, f.resource.name]))
      .toEqual([['X-SELECTOR-POTENTIAL-OVERLAP', 'partial-ip-tables']]);
  });

  test('it sets the seed root namespace', () => {
    const app = buildSeedApp(Testing.app());
    expect(IstioMesh.of(app).rootNamespace).toEqual('istio-config');
  });
});
