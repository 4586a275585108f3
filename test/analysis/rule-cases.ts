// The harness every rule's test table uses: named good, bad and suppressed cases through the
// real engine, so a rule is judged exactly as the app, the CLI and the plugin judge it. Rules
// across objects (scope 'mesh') run through a real cdk8s app, as `cdk8s synth` judges them.
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { IstioMesh, RegistryCompleteness } from '../../src';
import { RULE_FAILURE_ID, analyze } from '../../src/analysis/engine';
import { Finding, Severity } from '../../src/analysis/finding';
import { ManifestEntry, isObject } from '../../src/analysis/manifest';
import { Rule } from '../../src/analysis/rule';
import { findRule } from '../../src/analysis/rules';
import { sidecarManifest } from '../../src/analysis/rules/support/example-manifests';
import { OutboundTrafficMode } from '../../src/analysis/snapshot';
import { RuleSuppressions } from '../../src/validation/rule-suppressions';

export { sidecarManifest };

export interface RuleCase {
  /** Says the behaviour, e.g. 'two ingress listeners on port 80 with different binds -> error'. */
  readonly name: string;
  /** The Sidecar's spec (a Sidecar "example" in namespace "prod" is built around it)... */
  readonly spec?: unknown;
  /** ...or the whole input. */
  readonly manifests?: readonly unknown[];
  /** MeshConfig root namespace for this case. */
  readonly rootNamespace?: string;
  /** Whether the case's input is the whole registry (default partial). */
  readonly registry?: RegistryCompleteness;
  /** The mesh's outbound mode as the CLI reads it from an istio ConfigMap (no app setting carries it: the case runs through the engine). */
  readonly meshOutboundMode?: OutboundTrafficMode;
}

export interface BadCase extends RuleCase {
  /** Field path of the finding (every finding of the rule, when `count` > 1, must be listed in `paths`). */
  readonly path?: string;
  /** Paths of all findings of the rule, in order. */
  readonly paths?: readonly string[];
  /** The exact message, or a pattern it must match. */
  readonly message?: string | RegExp;
  /** How many findings of the rule (default: at least one). */
  readonly count?: number;
  /** The severity of every finding (rules may override their default per finding). */
  readonly severity?: Severity;
  /** `metadata.name` of each finding's object, in order (mesh rules choose their subject). */
  readonly subjects?: readonly string[];
  /** `metadata.name`s of the objects some finding names as related, in order. */
  readonly related?: readonly string[];
}

export interface RuleCaseTable {
  readonly good: readonly RuleCase[];
  readonly bad: readonly BadCase[];
}

const SUPPRESSION_REASON = 'accepted for this test case';

function entriesOf(c: RuleCase, suppressWith?: string): ManifestEntry[] {
  const manifests = c.manifests ?? [sidecarManifest(c.spec)];
  return manifests.map((manifest, i) => ({
    manifest,
    location: `case/${i}`,
    ...(suppressWith ? { suppressions: [{ ruleId: suppressWith, reason: SUPPRESSION_REASON }] } : {}),
  }));
}

/**
 * The findings of one rule for a case. A Sidecar rule runs alone through the engine; a mesh rule
 * runs with every rule through a cdk8s app built from the case (see `appOf`), unless the case
 * holds what no ApiObject can (no apiVersion or kind): that input only reaches the CLI and the
 * plugin, so it runs straight through the engine.
 */
export function findingsOf(rule: Rule, c: RuleCase, suppress = false): Finding[] {
  if (rule.scope === 'mesh' && c.meshOutboundMode === undefined && (c.manifests ?? []).every(cdk8sCanHold)) return meshFindingsOf(rule, c, suppress);
  const meshConfig = c.meshOutboundMode ? { outboundTrafficPolicyMode: c.meshOutboundMode, meshConfigSource: 'ConfigMap istio-system/istio' } : {};
  return analyze(entriesOf(c, suppress ? rule.id : undefined), { rules: [rule], rootNamespace: c.rootNamespace, registry: c.registry, ...meshConfig })
    .filter((f) => f.ruleId === rule.id);
}

/**
 * A cdk8s app holding the case's manifests: one Chart per namespace (with that namespace; objects
 * without one go to a chart without one), each manifest an ApiObject with its own metadata, and
 * the case's root namespace (and `rule`'s pack, if it has one) configured on the IstioMesh. Returns the ApiObjects by construct path.
 * What cdk8s cannot hold (a non-object, no apiVersion or kind) is left out: the engine skips it too;
 * cdk8s names an object that has no metadata.name.
 */
export function appOf(c: RuleCase, rule?: Rule): { app: App; objects: Map<string, ApiObject> } {
  const app = Testing.app();
  if (c.rootNamespace !== undefined || c.registry !== undefined) IstioMesh.configure(app, { rootNamespace: c.rootNamespace, registry: c.registry });
  // A pack rule runs only with its pack on.
  if (rule?.pack !== undefined) IstioMesh.configure(app, { rulePacks: [rule.pack] });
  const charts = new Map<string, Chart>();
  const objects = new Map<string, ApiObject>();
  for (const manifest of c.manifests ?? [sidecarManifest(c.spec)]) {
    if (!isObject(manifest) || typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string') continue;
    const { apiVersion, kind, metadata, ...rest } = manifest;
    const meta = isObject(metadata) ? metadata : {};
    const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
    const chartId = namespace === undefined ? 'no-namespace' : `ns-${constructId(namespace)}`;
    let chart = charts.get(chartId);
    if (!chart) charts.set(chartId, chart = new Chart(app, chartId, namespace === undefined ? {} : { namespace }));
    const base = constructId(`${kind}-${typeof meta.name === 'string' ? meta.name : 'unnamed'}`);
    let id = base;
    for (let n = 2; chart.node.tryFindChild(id); n++) id = `${base}-${n}`;
    const object = new ApiObject(chart, id, { apiVersion, kind, metadata: meta, ...rest });
    objects.set(object.node.path, object);
  }
  return { app, objects };
}

function cdk8sCanHold(manifest: unknown): boolean {
  return isObject(manifest) && typeof manifest.apiVersion === 'string' && typeof manifest.kind === 'string';
}

function constructId(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
}

/** A mesh rule's findings from `IstioMesh.of(app).findings()`; suppressed on each subject's construct. */
function meshFindingsOf(rule: Rule, c: RuleCase, suppress: boolean): Finding[] {
  const run = (suppressAt: ReadonlySet<string | undefined> = new Set()) => {
    const { app, objects } = appOf(c, rule);
    for (const [path, object] of objects) if (suppressAt.has(path)) RuleSuppressions.add(object, rule.id, SUPPRESSION_REASON);
    // The app prints its warnings; the case's findings are what is checked.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let findings: Finding[];
    try {
      findings = IstioMesh.of(app).findings();
    } finally {
      warn.mockRestore();
    }
    const failure = findings.find((f) => f.ruleId === RULE_FAILURE_ID && f.message.startsWith(`rule ${rule.id} failed`));
    if (failure) throw new Error(failure.message);
    return findings.filter((f) => f.ruleId === rule.id);
  };
  const findings = run();
  return suppress ? run(new Set(findings.map((f) => f.location))) : findings;
}

/**
 * Declares a registered rule's case table as jest tests: good cases are silent, bad cases
 * report, and the first bad case, suppressed, is reported as suppressed. The registry test
 * reads these calls to prove every rule has a table, so pass the id as a string literal.
 */
export function describeRule(ruleId: string, table: RuleCaseTable): void {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`describeRule: no registered rule has the id "${ruleId}"`);
  describe(`${rule.id}: ${rule.title}`, () => {
    if (table.good.length === 0 || table.bad.length === 0) {
      throw new Error(`${rule.id}: a rule's table needs at least one good and one bad case`);
    }
    test.each(table.good.map((c) => [c.name, c] as const))('good: %s', (_name, c) => {
      expect(findingsOf(rule, c).map((f) => f.message)).toEqual([]);
    });
    test.each(table.bad.map((c) => [c.name, c] as const))('bad: %s', (_name, c) => {
      const findings = findingsOf(rule, c);
      expect(findings.length).toBeGreaterThan(0);
      if (c.count !== undefined) expect(findings).toHaveLength(c.count);
      for (const f of findings) expect(f.severity).toBeDefined();
      if (c.path !== undefined) expect(findings.map((f) => f.path)).toContain(c.path);
      if (c.paths !== undefined) expect(findings.map((f) => f.path)).toEqual(c.paths);
      if (typeof c.message === 'string') expect(findings.map((f) => f.message)).toContain(c.message);
      if (c.message instanceof RegExp) expect(findings.some((f) => (c.message as RegExp).test(f.message))).toBe(true);
      if (c.severity !== undefined) expect(findings.map((f) => f.severity)).toEqual(findings.map(() => c.severity));
      if (c.subjects !== undefined) expect(findings.map((f) => f.resource.name)).toEqual(c.subjects);
      if (c.related !== undefined) expect(findings.map((f) => (f.related ?? []).map((r) => r.resource.name))).toContainEqual(c.related);
    });
    test(`suppressed: ${table.bad[0].name}, suppressed with a reason -> reported as suppressed, not failing`, () => {
      const findings = findingsOf(rule, table.bad[0], true);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.suppressedReason === SUPPRESSION_REASON)).toBe(true);
    });
  });
}
