import { analyze } from '../../src/analysis/engine';
import { Severity } from '../../src/analysis/finding';
import { SEED_SIDECARS } from '../fixtures/seed-documents';

describe('the seed document\'s example Sidecars', () => {
  test.each(SEED_SIDECARS.map((s) => [s.metadata.name, s.metadata.namespace, s] as const))(
    '%s in %s: no single-resource rule finds an error or a warning', (_name, _ns, sidecar) => {
      const findings = analyze([{ manifest: sidecar }], { rootNamespace: 'istio-config' })
        .filter((f) => f.ruleId.startsWith('S-') && f.severity !== Severity.INFO);
      expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    });

  test('their apiVersion, v1alpha3, is served: only an info recommends v1', () => {
    const findings = analyze([{ manifest: SEED_SIDECARS[0] }]).filter((f) => f.ruleId === 'S-CRD-VERSIONS');
    expect(findings.map((f) => f.severity)).toEqual([Severity.INFO]);
  });
});
