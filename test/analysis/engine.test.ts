import { RULE_FAILURE_ID, analyze, formatFinding } from '../../src/analysis/engine';
import { Severity } from '../../src/analysis/finding';
import { MeshRule, RuleSource } from '../../src/analysis/rule';
import { sidecarManifest } from '../../src/analysis/rules/support/example-manifests';

const namespaceWide = (name: string) => sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { name, namespace: 'shop' });

describe('analyze', () => {
  test('a finding across objects reported once is suppressed by a suppression on any object involved, not only its subject', () => {
    const entries = [
      { manifest: namespaceWide('default'), location: 'a' },
      { manifest: namespaceWide('default'), location: 'b', suppressions: [{ ruleId: 'X-DUPLICATE-OBJECT', reason: 'migrating, removed next release' }] },
    ];
    const findings = analyze(entries).filter((f) => f.ruleId === 'X-DUPLICATE-OBJECT');
    expect(findings.map((f) => [f.location, f.suppressedReason])).toEqual([['a', 'migrating, removed next release']]);
  });

  test('a rule that reports each object involved: a suppression on one silences only its own finding', () => {
    const entries = [
      { manifest: namespaceWide('default'), location: 'a' },
      { manifest: namespaceWide('other'), location: 'b', suppressions: [{ ruleId: 'X-NS-MULTIPLE-SELECTORLESS', reason: 'migrating, removed next release' }] },
    ];
    const findings = analyze(entries).filter((f) => f.ruleId === 'X-NS-MULTIPLE-SELECTORLESS');
    expect(findings.map((f) => [f.location, f.suppressedReason])).toEqual([['a', undefined], ['b', 'migrating, removed next release']]);
  });

  test('a rule that throws is reported as an engine failure with a location, and the other rules still run', () => {
    const broken: MeshRule = {
      id: 'X-BROKEN',
      scope: 'mesh',
      severity: Severity.WARNING,
      title: 't',
      why: 'w',
      fix: 'f',
      references: [],
      sources: [RuleSource.OWN],
      registryAssumption: 'none',
      examples: { failing: [], passing: [] },
      check() {
        throw new Error('boom');
      },
    };
    const findings = analyze([{ manifest: namespaceWide('x') }], { rules: [broken] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE_FAILURE_ID, severity: Severity.ERROR, location: '<engine>' });
    expect(formatFinding(findings[0])).toBe(
      'ENGINE-RULE-FAILED: rule X-BROKEN failed on this input (boom); please report this bug to cdk8s-istio-sidecar',
    );
  });

  test('findings come grouped by object in input order', () => {
    const findings = analyze([
      { manifest: sidecarManifest({ egress: [{ hosts: ['a.com'] }] }, { name: 'first' }) },
      { manifest: sidecarManifest({ egress: [{ hosts: ['b.com'] }] }, { name: 'second' }) },
    ]).filter((f) => f.ruleId === 'S-HOST-FORMAT');
    expect(findings.map((f) => f.resource.name)).toEqual(['first', 'second']);
  });
});
