// Fuzzing the engine and the CLI's YAML loader with generated garbage (fixed seed, bounded
// counts): random JSON shaped like Sidecars, valid Sidecars with random mutations, random
// manifests of every kind the engine reads, random text. No exception may escape, no rule may
// throw (an ENGINE-RULE-FAILED finding), and whatever the CRD schema rejects the engine reports.
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { SEED, appArb, badNumber, badString } from './arbitraries';
import { expectedSpec } from './model';
import { RULE_FAILURE_ID, analyze } from '../../src/analysis/engine';
import { Finding, Severity } from '../../src/analysis/finding';
import { ManifestEntry } from '../../src/analysis/manifest';
import { Rule, SidecarRule } from '../../src/analysis/rule';
import { RULES } from '../../src/analysis/rules';
import { SIDECAR_SPEC_SCHEMA, SchemaNode, sidecarSpecProblems } from '../../src/analysis/schema';
import { InputError } from '../../src/cli/input-error';
import { parseYaml } from '../../src/cli/load';

const SIDECAR_API = 'networking.istio.io/v1';

// ---------------------------------------------------------------------------------------------
// Generators

const anyJson = fc.jsonValue({ maxDepth: 2 });
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(fc.constant(null), anyJson, badString, badNumber, fc.constant([]), fc.constant({}));

const PLAUSIBLE_STRINGS = [
  './*', '*/*', '~/*', 'istio-system/*', 'ns/a.example.com', '*/*.example.com', 'ns/short', '127.0.0.1', '::1', '0.0.0.0',
  'unix:///var/run/a.sock', 'unix://@abs', '127.0.0.1:8080', '[::1]:8080', ':8080', '/etc/certs/a.pem', 'HTTP', 'TLS',
  'http', 'egress-proxy.infra.svc.cluster.local', 'v1', 'ECDHE-RSA-AES256-GCM-SHA384',
];
const DURATIONS = ['1s', '0s', '0', '1.5ms', '500ms', '1h', '-1s', '1us', '1.0001s', '9999999999h', 'forever'];

/** Values shaped by the project's own schema model, with a wrong value (or an unknown field) now and then. */
function fromSchema(node: SchemaNode, depth = 0): fc.Arbitrary<unknown> {
  const right = ((): fc.Arbitrary<unknown> => {
    switch (node.type) {
      case 'object': {
        const fields = Object.fromEntries(Object.entries(node.fields).map(([name, child]) => [name, fromSchema(child, depth + 1)]));
        const record = fc.record(fields, { requiredKeys: [] });
        return fc.oneof(
          { arbitrary: record, weight: 6 },
          { arbitrary: fc.tuple(record, fc.string({ maxLength: 12 }), anyJson).map(([r, k, v]) => ({ ...r, [k]: v })), weight: 1 },
        );
      }
      case 'array': return fc.array(fromSchema(node.items, depth + 1), { maxLength: depth < 2 ? 3 : 2 });
      case 'string': return fc.oneof(fc.constantFrom(...PLAUSIBLE_STRINGS), fc.string({ maxLength: 12 }));
      case 'integer': return fc.oneof(fc.integer({ min: node.minimum, max: node.maximum }), fc.constantFrom(0, 1, 80, 65535, 65536));
      case 'boolean': return fc.boolean();
      case 'stringMap': return fc.dictionary(fc.oneof(fc.constantFrom('app', 'version', ''), fc.string({ maxLength: 6 })), fc.oneof(fc.constantFrom('a', 'b', '*'), fc.string({ maxLength: 6 })), { maxKeys: 3 });
      case 'duration': return fc.oneof(fc.constantFrom(...DURATIONS), fc.string({ maxLength: 8 }));
      case 'enum': return fc.oneof(fc.constantFrom(...node.values), fc.constantFrom(...node.values.map((v) => v.toLowerCase())), fc.string({ maxLength: 8 }));
    }
  })();
  return fc.oneof({ arbitrary: right, weight: 10 }, { arbitrary: wrongValue, weight: 1 });
}

const labels = fc.dictionary(fc.constantFrom('app', 'version', 'istio', 'istio.io/dataplane-mode', 'istio-injection'), fc.constantFrom('a', 'b', 'ambient', 'enabled', 'ingressgateway'), { maxKeys: 3 });
const namespace = fc.oneof(fc.constantFrom('shop', 'istio-system', 'default'), fc.constant(undefined), wrongValue);
const metadata = fc.oneof(
  { arbitrary: fc.record({ name: fc.oneof(fc.constantFrom('default', 'a', 'b'), wrongValue), namespace, labels, annotations: fc.oneof(labels, wrongValue), creationTimestamp: fc.oneof(fc.constantFrom('2024-01-01T00:00:00Z', 'yesterday'), wrongValue) }, { requiredKeys: ['name'] }), weight: 8 },
  { arbitrary: wrongValue, weight: 1 },
);

const sidecarManifest = fc.record({
  apiVersion: fc.oneof({ arbitrary: fc.constant(SIDECAR_API), weight: 8 }, { arbitrary: fc.constantFrom('networking.istio.io/v1beta1', 'networking.istio.io/v2'), weight: 1 }, { arbitrary: wrongValue, weight: 1 }),
  kind: fc.constant('Sidecar'),
  metadata,
  spec: fc.oneof({ arbitrary: fromSchema(SIDECAR_SPEC_SCHEMA), weight: 10 }, { arbitrary: wrongValue, weight: 1 }),
}, { requiredKeys: ['apiVersion', 'kind'] });

const podMetadata = fc.oneof(fc.record({ labels, annotations: labels }, { requiredKeys: [] }), wrongValue);
const podTemplate = fc.record({ metadata: podMetadata }, { requiredKeys: [] });
const otherManifest = fc.oneof(
  fc.record({ apiVersion: fc.constant('apps/v1'), kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'), metadata, spec: fc.oneof(fc.record({ selector: fc.record({ matchLabels: labels }), template: podTemplate }, { requiredKeys: [] }), wrongValue) }),
  fc.record({ apiVersion: fc.constant('batch/v1'), kind: fc.constant('CronJob'), metadata, spec: fc.record({ jobTemplate: fc.record({ spec: fc.record({ template: podTemplate }) }) }) }),
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constantFrom('Pod', 'Namespace', 'Service'), metadata, spec: fc.oneof(fc.record({ ports: fc.array(fc.record({ port: fc.integer() })) }), wrongValue) }),
  fc.record({ apiVersion: fc.constant(SIDECAR_API), kind: fc.constant('ServiceEntry'), metadata, spec: fc.record({ hosts: fc.array(fc.oneof(fc.constantFrom('a.example.com', 'cart.shop.svc.cluster.local'), wrongValue)), exportTo: fc.array(fc.oneof(fc.constantFrom('.', '*', 'shop'), wrongValue)) }, { requiredKeys: [] }) }),
  fc.record({ apiVersion: wrongValue, kind: wrongValue, metadata, spec: anyJson }, { requiredKeys: [] }),
  wrongValue,
);

/** A whole input of the engine: Sidecars mixed with workloads, Services, ServiceEntries, Namespaces and garbage. */
const manifests = fc.array(fc.oneof({ arbitrary: sidecarManifest, weight: 3 }, { arbitrary: otherManifest, weight: 2 }), { maxLength: 6 });

/** Changes to apply to a valid spec: replace, delete, null out, wrap in a list, or stringify one value. */
const mutations = fc.array(fc.record({ pick: fc.nat(), op: fc.constantFrom('set', 'delete', 'null', 'wrap', 'stringify'), value: wrongValue }), { minLength: 1, maxLength: 4 });

function mutate(root: unknown, changes: ReadonlyArray<{ pick: number; op: string; value: unknown }>): unknown {
  const copy = JSON.parse(JSON.stringify(root));
  for (const change of changes) {
    const slots: Array<[any, string | number]> = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach((item, i) => { slots.push([node, i]); visit(item); });
      else if (node && typeof node === 'object') Object.entries(node).forEach(([key, item]) => { slots.push([node, key]); visit(item); });
    };
    visit(copy);
    if (slots.length === 0) continue;
    const [parent, key] = slots[change.pick % slots.length];
    if (change.op === 'set') parent[key] = change.value;
    else if (change.op === 'delete') delete parent[key];
    else if (change.op === 'null') parent[key] = null;
    else if (change.op === 'wrap') parent[key] = [parent[key]];
    else parent[key] = JSON.stringify(parent[key]);
  }
  return copy;
}

const mutatedSidecars = fc.tuple(appArb('valid'), mutations).map(([inputs, changes]) => inputs.map((input) => ({
  apiVersion: SIDECAR_API, kind: 'Sidecar', metadata: { name: 'default', namespace: input.namespace }, spec: mutate(expectedSpec(input), changes),
})));

/** Text with YAML's special characters in it, so the parser sees anchors, tags, flow and block syntax. */
const yamlTokens = fc.array(fc.oneof(
  fc.constantFrom('apiVersion: networking.istio.io/v1\n', 'kind: Sidecar\n', 'kind: List\n', 'items:\n', 'spec:\n', '  egress:\n', '  - hosts: ', '- ', ': ',
    '&a ', '*a', '&b [*a, *a]', '!!binary ', '!!set ', '!custom ', '? ', '|\n', '>-\n', '---\n', '...\n', '{', '}', '[', ']', ',', '"', "'", '#', '\n', '  ', '\t', '%YAML 1.1\n', '<<: *a\n', '\ufeff'),
  fc.string({ maxLength: 6 }),
), { maxLength: 40 }).map((tokens) => tokens.join(''));

// ---------------------------------------------------------------------------------------------
// Properties

const entries = (list: readonly unknown[]): ManifestEntry[] => list.map((manifest, i) => ({ manifest, location: `fuzz#${i}` }));

/** Throws unless the engine ran every rule without throwing and returned well-formed findings. */
function engineSurvives(list: readonly unknown[], rules: readonly Rule[] = RULES): Finding[] {
  const findings = analyze(entries(list), { rules });
  const failed = findings.filter((f) => f.ruleId === RULE_FAILURE_ID);
  if (failed.length > 0) throw new Error(`a rule threw: ${failed.map((f) => f.message).join('; ')}`);
  for (const f of findings) {
    if (typeof f.ruleId !== 'string' || typeof f.message !== 'string' || f.message.length === 0 || typeof f.path !== 'string') {
      throw new Error(`malformed finding: ${JSON.stringify(f)}`);
    }
  }
  return findings;
}

/** `a` is `b`, or contains it (`spec.egress[0]` contains `spec.egress[0].hosts`). */
const within = (a: string, b: string) => a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

/**
 * Throws when a Sidecar breaks the CRD schema somewhere its owner reports no error: every schema
 * problem needs an error finding of the rule the model names, at its path, inside it or around
 * it (below `spec`). Whether the model says what the CRD says is the pin test's to check
 * (test/analysis/schema/pinned-crd.test.ts).
 */
function schemaViolationsAreErrors(list: readonly unknown[], rules: readonly Rule[] = RULES): void {
  const findings = engineSurvives(list, rules);
  list.forEach((manifest, i) => {
    if (!isSidecar(manifest)) return;
    const errors = findings.filter((f) => f.location === `fuzz#${i}` && f.severity === Severity.ERROR && within('spec', f.path) && f.path !== 'spec');
    for (const problem of sidecarSpecProblems((manifest as { spec?: unknown }).spec)) {
      if (problem.path === 'spec') continue;
      if (!errors.some((f) => f.ruleId === problem.ruleId && (within(f.path, problem.path) || within(problem.path, f.path)))) {
        throw new Error(`the CRD rejects ${problem.path} (${problem.kind}: ${problem.reason}) but its owner ${problem.ruleId} reports no error there`);
      }
    }
  });
}

function isSidecar(manifest: unknown): boolean {
  const m = manifest as { apiVersion?: unknown; kind?: unknown };
  return !!m && typeof m === 'object' && m.kind === 'Sidecar' && typeof m.apiVersion === 'string' && m.apiVersion.startsWith('networking.istio.io/');
}

/** Throws unless the loader either refuses the text with an InputError or returns objects the engine survives. */
function loaderSurvives(text: string, loader: (text: string) => unknown[] = (t) => parseYaml(t, 'fuzz.yaml')): void {
  let loaded: unknown[];
  try {
    loaded = loader(text);
  } catch (error) {
    if (error instanceof InputError && error.message.startsWith('fuzz.yaml')) return;
    throw new Error(`the loader threw something else than an InputError naming the file: ${String(error)}`);
  }
  engineSurvives(loaded);
}

const RUNS = { numRuns: 400, seed: SEED };

describe('fuzz: the engine survives garbage', () => {
  test('random JSON shaped like Sidecars, mixed with workloads, Services and ServiceEntries -> no exception, no rule failure', () => {
    fc.assert(fc.property(manifests, (list) => {
      engineSurvives(list);
    }), RUNS);
  });

  test('valid Sidecars with random mutations -> no exception, no rule failure', () => {
    fc.assert(fc.property(mutatedSidecars, (list) => {
      engineSurvives(list);
    }), RUNS);
  });

  test('whatever the CRD schema rejects, the rule the model names reports as an error', () => {
    fc.assert(fc.property(fc.oneof(manifests, mutatedSidecars), (list) => schemaViolationsAreErrors(list)), RUNS);
  });
});

describe('fuzz: the YAML loader survives garbage', () => {
  test('random text -> an InputError naming the file, or objects the engine survives', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => loaderSurvives(text)), RUNS);
  });

  test('YAML-looking token soup (anchors, aliases, tags, flow and block syntax) -> the same', () => {
    fc.assert(fc.property(yamlTokens, (text) => loaderSurvives(text)), RUNS);
  });
});

describe('fuzz: the properties catch what they target', () => {
  test('a rule that assumes well-typed input -> ENGINE-RULE-FAILED, the property fails', () => {
    const naive: SidecarRule = {
      ...(RULES.find((r) => r.scope === 'sidecar') as SidecarRule),
      id: 'TEST-NAIVE',
      check(sidecar) {
        (sidecar.spec.egress as any[] | undefined)?.forEach((listener) => listener.hosts.forEach((h: string) => h.toLowerCase()));
      },
    };
    const result = fc.check(fc.property(manifests, (list) => {
      engineSurvives(list, [...RULES, naive]);
    }), RUNS);
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toContain('a rule threw');
  });

  test('an engine without the CRD type rule -> the schema-violations property fails', () => {
    const withoutTypes = RULES.filter((r) => r.id !== 'S-CRD-TYPES');
    const result = fc.check(fc.property(fc.oneof(manifests, mutatedSidecars), (list) => schemaViolationsAreErrors(list, withoutTypes)), RUNS);
    expect(result.failed).toBe(true);
  });

  test('a loader that lets the YAML library\'s errors escape -> the loader property fails', () => {
    const raw = (text: string) => parseAllDocuments(text).map((d) => {
      if (d.errors.length > 0) throw d.errors[0];
      return d.toJS();
    }).filter((v) => v && typeof v === 'object');
    const result = fc.check(fc.property(yamlTokens, (text) => loaderSurvives(text, raw)), RUNS);
    expect(result.failed).toBe(true);
  });
});
