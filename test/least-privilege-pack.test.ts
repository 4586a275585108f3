// The least-privilege rule pack through every front door: off by default, on when asked, and
// an unknown pack a clear error in each.
import { ApiObject, Chart, Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { IstioMesh, MeshAnalysis, RulePack, RuleSuppressions, SidecarValidationPlugin } from '../src';
import { lintInProcess } from './cli/in-process';
import { Finding } from '../src/analysis/finding';
import { SUPPRESS_ANNOTATION } from '../src/analysis/suppression-annotation';

// No mesh default, a namespace default importing "*/*" under ALLOW_ANY: P-NO-MESH-DEFAULT (shop), P-WIDE-DEFAULT, P-ALLOW-ANY.
const MANIFESTS = [
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: 'default', namespace: 'prod' },
    spec: { egress: [{ hosts: ['*/*'] }], outboundTrafficPolicy: { mode: 'ALLOW_ANY' } },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'web' }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'cart', namespace: 'shop', labels: { app: 'cart' } }, spec: { containers: [{ name: 'app', image: 'cart' }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'orders', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } },
];
const PACK_IDS = ['P-ALLOW-ANY', 'P-NO-MESH-DEFAULT', 'P-WIDE-DEFAULT'];

const packIds = (findings: readonly Pick<Finding, 'ruleId'>[]) => [...new Set(findings.map((f) => f.ruleId).filter((id) => id.startsWith('P-')))].sort();

function app(props?: Parameters<typeof IstioMesh.configure>[1], manifests: readonly object[] = MANIFESTS) {
  const root = Testing.app();
  if (props) IstioMesh.configure(root, props);
  const chart = new Chart(root, 'all');
  const objects = manifests.map((m, i) => new ApiObject(chart, `object-${i}`, m as never));
  return { root, objects };
}

async function viaPlugin(properties?: { [key: string]: unknown }): Promise<string[]> {
  const rules: string[] = [];
  await new SidecarValidationPlugin(properties).validate({
    manifests: ['all.k8s.yaml'],
    parseManifest: () => MANIFESTS,
    report: { addViolation: (v: { ruleName: string }) => rules.push(v.ruleName.split(' ')[0]), submit: () => undefined },
  });
  return packIds(rules.map((ruleId) => ({ ruleId })));
}

function viaCli(...args: string[]) {
  const run = lintInProcess([...args, '--format', 'json', '-'], MANIFESTS.map((m) => stringify(m)).join('---\n'));
  return { ...run, ids: run.code === 2 ? [] : packIds(JSON.parse(run.stdout).findings) };
}

describe('the least-privilege pack is off by default', () => {
  test('app, plugin, CLI and MeshAnalysis report no P- finding', async () => {
    expect(packIds(IstioMesh.of(app().root).findings())).toEqual([]);
    expect(await viaPlugin()).toEqual([]);
    expect(viaCli().ids).toEqual([]);
    expect(packIds(MeshAnalysis.analyze(MANIFESTS))).toEqual([]);
    expect(IstioMesh.of(app().root).rulePacks).toEqual([]);
  });
});

describe('the least-privilege pack is on when asked', () => {
  test('IstioMesh.configure({ rulePacks })', () => {
    const { root } = app({ rulePacks: [RulePack.LEAST_PRIVILEGE] });
    expect(packIds(IstioMesh.of(root).findings())).toEqual(PACK_IDS);
    expect(IstioMesh.of(root).rulePacks).toEqual([RulePack.LEAST_PRIVILEGE]);
  });

  test('a later configure without rulePacks keeps them', () => {
    const { root } = app({ rulePacks: [RulePack.LEAST_PRIVILEGE] });
    IstioMesh.configure(root, { failOn: IstioMesh.of(root).failOn });
    expect(packIds(IstioMesh.of(root).findings())).toEqual(PACK_IDS);
  });

  test('the plugin\'s rulePacks property', async () => {
    expect(await viaPlugin({ rulePacks: ['least-privilege'] })).toEqual(PACK_IDS);
  });

  test('the CLI\'s --pack, once, repeated or comma-separated', () => {
    expect(viaCli('--pack', 'least-privilege').ids).toEqual(PACK_IDS);
    expect(viaCli('--pack', 'least-privilege', '--pack', 'least-privilege').ids).toEqual(PACK_IDS);
    expect(viaCli('--pack', 'least-privilege,least-privilege').ids).toEqual(PACK_IDS);
  });

  test('--format sarif describes the pack\'s rules, so every P- result has its rule', () => {
    const run = lintInProcess(['--pack', 'least-privilege', '--format', 'sarif', '-'], MANIFESTS.map((m) => stringify(m)).join('---\n'));
    const log = JSON.parse(run.stdout);
    const described: string[] = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    const results: Array<{ ruleId: string; ruleIndex?: number }> = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId.startsWith('P-'));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(described[result.ruleIndex as number]).toBe(result.ruleId);
    // Without the pack, its rules are not described.
    const plain = JSON.parse(lintInProcess(['--format', 'sarif', '-'], MANIFESTS.map((m) => stringify(m)).join('---\n')).stdout);
    expect(plain.runs[0].tool.driver.rules.some((r: { id: string }) => r.id.startsWith('P-'))).toBe(false);
  });

  test('MeshAnalysis.analyze({ rulePacks })', () => {
    expect(packIds(MeshAnalysis.analyze(MANIFESTS, { rulePacks: [RulePack.LEAST_PRIVILEGE] }))).toEqual(PACK_IDS);
  });

  test('maxScopeHosts sets P-SCOPE-SIZE\'s threshold in every front door', async () => {
    // "web" (prod, "*/*") sees 2 host names: more than 1.
    const message = /configured for 2 of 2 hosts, more than 1 \(maxScopeHosts\)/;
    const fromApp = IstioMesh.of(app({ rulePacks: [RulePack.LEAST_PRIVILEGE], maxScopeHosts: 1 }).root).findings().filter((f) => f.ruleId === 'P-SCOPE-SIZE');
    expect(fromApp.map((f) => f.resource.name).sort()).toEqual(['cart', 'web']);
    expect(fromApp[0].message).toMatch(message);
    expect(await viaPlugin({ rulePacks: ['least-privilege'], maxScopeHosts: 1 })).toContain('P-SCOPE-SIZE');
    expect(viaCli('--pack', 'least-privilege', '--max-scope-hosts', '1').ids).toContain('P-SCOPE-SIZE');
    expect(viaCli('--pack', 'least-privilege').ids).not.toContain('P-SCOPE-SIZE');
    expect(MeshAnalysis.analyze(MANIFESTS, { rulePacks: [RulePack.LEAST_PRIVILEGE], maxScopeHosts: 1 }).filter((f) => f.ruleId === 'P-SCOPE-SIZE')).toHaveLength(2);
  });
});

describe('pack rules can be suppressed', () => {
  test('RuleSuppressions.add accepts a pack rule and the finding is reported as suppressed', () => {
    const { root, objects } = app({ rulePacks: [RulePack.LEAST_PRIVILEGE] });
    RuleSuppressions.add(objects[0], 'P-ALLOW-ANY', 'legacy egress until the partner API has a ServiceEntry');
    const finding = IstioMesh.of(root).findings().find((f) => f.ruleId === 'P-ALLOW-ANY');
    expect(finding?.suppressedReason).toBe('legacy egress until the partner API has a ServiceEntry');
  });

  test('the suppress annotation names a pack rule without S-SUPPRESS-ANNOTATION complaining', () => {
    const annotated = { ...MANIFESTS[0], metadata: { ...MANIFESTS[0].metadata, annotations: { [SUPPRESS_ANNOTATION]: '{"P-WIDE-DEFAULT": "the prod namespace is being split up"}' } } };
    const findings = MeshAnalysis.analyze([annotated, ...MANIFESTS.slice(1)], { rulePacks: [RulePack.LEAST_PRIVILEGE] });
    expect(findings.filter((f) => f.ruleId === 'S-SUPPRESS-ANNOTATION')).toEqual([]);
    expect(findings.find((f) => f.ruleId === 'P-WIDE-DEFAULT')?.suppressedReason).toBe('the prod namespace is being split up');
    // Off, the pack's id is still a known rule.
    expect(MeshAnalysis.analyze([annotated]).filter((f) => f.ruleId === 'S-SUPPRESS-ANNOTATION')).toEqual([]);
  });
});

describe('an unknown pack is a clear error in each front door', () => {
  const KNOWN = 'the known packs: "least-privilege"';

  test('IstioMesh.configure', () => {
    expect(() => IstioMesh.configure(Testing.app(), { rulePacks: ['least-privileges' as RulePack] }))
      .toThrow(`IstioMesh.configure(): rulePacks "least-privileges" is not a rule pack: ${KNOWN}`);
  });

  test('the plugin', () => {
    expect(() => new SidecarValidationPlugin({ rulePacks: ['strict'] })).toThrow(`cdk8s-istio-sidecar plugin: rulePacks "strict" is not a rule pack: ${KNOWN}`);
    expect(() => new SidecarValidationPlugin({ rulePacks: 'least-privilege' })).toThrow(/rulePacks "least-privilege" is invalid: expected a list of rule pack names/);
  });

  test('the CLI: usage error, exit 2', () => {
    const run = viaCli('--pack', 'least-privilege,strict');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--pack "strict" is not a rule pack: ${KNOWN}`);
    expect(viaCli('--max-scope-hosts', 'many').stderr).toContain('--max-scope-hosts "many" is invalid: expected a whole number of host names');
  });

  test('MeshAnalysis', () => {
    expect(() => MeshAnalysis.analyze(MANIFESTS, { rulePacks: ['x' as RulePack] })).toThrow(`MeshAnalysis: rulePacks "x" is not a rule pack: ${KNOWN}`);
    expect(() => MeshAnalysis.analyze(MANIFESTS, { maxScopeHosts: 0 })).toThrow('MeshAnalysis: maxScopeHosts 0 is invalid');
  });
});
