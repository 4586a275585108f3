import { readFileSync } from 'fs';
import { join } from 'path';
import { App } from 'cdk8s';
import { buildMeshApp } from '../../examples/mesh/main';
import { MeshAnalysis, Severity } from '../../src';
import { generateSidecars, sidecarManifests } from '../../src/generate/generate';
import { parseTraffic } from '../../src/generate/traffic';

const TRAFFIC = join(__dirname, '..', '..', 'examples', 'mesh', 'traffic.json');

describe('examples/mesh/traffic.json', () => {
  const manifests = buildMeshApp(new App()).charts.flatMap((chart) => chart.toJson());
  const traffic = parseTraffic(readFileSync(TRAFFIC, 'utf8'), 'examples/mesh/traffic.json');
  const generated = generateSidecars(traffic, manifests.map((manifest) => ({ manifest })));

  test('matches the example\'s workloads: nothing left out', () => {
    expect(generated.notes).toEqual([]);
    expect(generated.sidecars.map((s) => `${s.namespace}/${s.name}`)).toEqual(['payments/payments-api', 'shop/frontend']);
  });

  test('the generated Sidecars, in place of the example\'s, lint clean and serve every observed call', () => {
    const replaced = new Set(generated.sidecars.map((s) => `${s.namespace}/${s.name}`));
    const mesh = [
      ...manifests.filter((m) => !(m.kind === 'Sidecar' && replaced.has(`${m.metadata.namespace}/${m.metadata.name}`))),
      ...sidecarManifests(generated),
    ];
    expect(MeshAnalysis.analyze(mesh).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    for (const call of traffic.calls) {
      const host = call.destination.kind === 'host' ? call.destination.host : '';
      const result = MeshAnalysis.canReach(mesh, `${call.sourceNamespace}/${call.sourceWorkload}`, host);
      expect({ host, reachable: result.reachable, passthrough: result.passthrough }).toEqual({ host, reachable: true, passthrough: false });
    }
  });
});
