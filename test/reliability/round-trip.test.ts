// Property: no silent data loss. Every field a user gives appears in the synthesized manifest
// with its value, in the order given, and reads back the same from the YAML that kubectl
// (a YAML 1.1 reader) would apply. The expected rendering is written in ./model.ts from Istio's
// documentation, independently of the library's render helpers.
import { App, Chart } from 'cdk8s';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { SEED, appArb } from './arbitraries';
import { BuiltApp, buildApp, synthSidecars } from './harness';
import {
  DEFAULT_API_VERSION, SidecarIn, buildEgress, buildIngress, buildPolicy, buildPool, buildSelector, expectedSpec,
} from './model';
import { NamespaceDefaultSidecar, SidecarApiVersion, WorkloadSidecar } from '../../src';


/** How the property gets the Sidecar manifests of an app; the meta tests swap in broken ones. */
type Synth = (built: BuiltApp) => Array<{ [key: string]: any }>;

/** The Sidecars of `app.synthYaml()`, read back as kubectl reads YAML (1.1: `yes` is a boolean there). */
const fromYaml: Synth = (built) => readYaml(built.app.synthYaml());

function readYaml(text: string): Array<{ [key: string]: any }> {
  const read = (version: '1.1' | '1.2') => parseAllDocuments(text, { version }).map((d) => d.toJS()).filter((m) => m?.kind === 'Sidecar');
  const asKubectl = read('1.1');
  // Both YAML versions must read the same values, or the file means different things to different tools.
  expect(read('1.2')).toEqual(asKubectl);
  return asKubectl;
}

/** Throws unless every Sidecar of `inputs` comes out with exactly the expected fields and values. */
function roundTrips(inputs: readonly SidecarIn[], synth: Synth): void {
  const manifests = synth(buildApp(inputs));
  expect(manifests).toHaveLength(inputs.length);
  inputs.forEach((input) => {
    const manifest = manifests.find((m) => m.metadata?.namespace === input.namespace);
    expect(manifest).toBeDefined();
    expect(manifest!.apiVersion).toBe(input.apiVersion ?? DEFAULT_API_VERSION);
    expect(manifest!.kind).toBe('Sidecar');
    if (input.name !== undefined) expect(manifest!.metadata.name).toBe(input.name);
    // toStrictEqual: nothing lost, nothing added, nothing reordered in lists, no undefined left behind.
    expect(manifest!.spec).toStrictEqual(expectedSpec(input));
  });
}

describe('round trip: props -> synth -> parse back gives every field given', () => {
  test('Testing.synth output holds every field with its value, listeners and hosts in order', () => {
    fc.assert(fc.property(appArb('valid'), (inputs) => roundTrips(inputs, synthSidecars)), { seed: SEED, numRuns: 300 });
  });

  test('app.synthYaml() read back as YAML 1.1 (kubectl) and 1.2 gives the same', () => {
    fc.assert(fc.property(appArb('valid'), (inputs) => roundTrips(inputs, fromYaml)), { seed: SEED, numRuns: 150 });
  });
});

describe('round trip: the pattern constructs keep every field too', () => {
  // WorkloadSidecar for inputs with a selector, NamespaceDefaultSidecar for the others (named
  // "default" unless a name is given); both render like a Sidecar given the same fields.
  function buildWithPatterns(inputs: readonly SidecarIn[]): BuiltApp {
    const app = new App({ outdir: '/nonexistent-outdir' });
    const chart = new Chart(app, 'patterns');
    const sidecars = inputs.map((s, i) => {
      const common = {
        metadata: { namespace: s.namespace, ...(s.name === undefined ? {} : { name: s.name }) },
        apiVersion: s.apiVersion as SidecarApiVersion | undefined,
        ingress: s.ingress.map((l) => buildIngress(l)),
        egress: s.egress.map((l) => buildEgress(l)),
        outboundTrafficPolicy: s.policy && buildPolicy(s.policy),
        inboundConnectionPool: s.inboundPool && buildPool(s.inboundPool),
      };
      return s.selector
        ? new WorkloadSidecar(chart, `p${i}`, { ...common, workloadSelector: buildSelector(s.selector) })
        : new NamespaceDefaultSidecar(chart, `p${i}`, common);
    });
    return { app, chart, sidecars };
  }

  test('WorkloadSidecar and NamespaceDefaultSidecar -> every field with its value, in order', () => {
    // The patterns put a default egress listener in when none is given: give at least one.
    const inputs = appArb('valid').filter((list) => list.every((s) => s.egress.length > 0));
    fc.assert(fc.property(inputs, (list) => {
      const manifests = synthSidecars(buildWithPatterns(list));
      list.forEach((input) => {
        const manifest = manifests.find((m) => m.metadata?.namespace === input.namespace)!;
        expect(manifest.metadata.name).toBe(input.name ?? (input.selector ? manifest.metadata.name : 'default'));
        expect(manifest.spec).toStrictEqual(expectedSpec(input));
      });
    }), { seed: SEED, numRuns: 100 });
  });
});

describe('round trip: the property catches what it targets', () => {
  const check = (synth: Synth) => fc.check(fc.property(appArb('valid'), (inputs) => roundTrips(inputs, synth)), { seed: SEED, numRuns: 400 });
  const mapSpecs = (change: (spec: any) => void): Synth => (built) => synthSidecars(built).map((m) => {
    const copy = JSON.parse(JSON.stringify(m));
    change(copy.spec);
    return copy;
  });

  test('a renderer that drops a field (egress captureMode) -> the property fails', () => {
    const result = check(mapSpecs((spec) => spec.egress?.forEach((l: any) => delete l.captureMode)));
    expect(result.failed).toBe(true);
  });

  test('a renderer that drops a nested field (tls caCrl) -> the property fails', () => {
    const result = check(mapSpecs((spec) => spec.ingress?.forEach((l: any) => delete l.tls?.caCrl)));
    expect(result.failed).toBe(true);
  });

  test('a renderer that sorts hosts instead of keeping their order -> the property fails', () => {
    const result = check(mapSpecs((spec) => spec.egress?.forEach((l: any) => l.hosts.sort())));
    expect(result.failed).toBe(true);
  });

  test('a renderer that rounds durations to whole seconds -> the property fails', () => {
    const round = (pool: any) => {
      if (pool?.tcp?.connectTimeout) pool.tcp.connectTimeout = `${Math.round(parseFloat(pool.tcp.connectTimeout))}s`;
    };
    const result = check(mapSpecs((spec) => {
      round(spec.inboundConnectionPool);
      spec.ingress?.forEach((l: any) => round(l.connectionPool));
    }));
    expect(result.failed).toBe(true);
  });

  test('a YAML writer that leaves "yes", "on" and "0755" unquoted -> kubectl reads other values, the property fails', () => {
    // A hand-rolled writer of flow-style YAML that quotes only what YAML 1.2 would misread.
    const naive = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(naive).join(', ')}]`;
      if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${naive(k)}: ${naive(v)}`).join(', ')}}`;
      if (typeof value === 'string') return /^[A-Za-z0-9][\w./-]*$/.test(value) && !['true', 'false', 'null'].includes(value) && !/^[0-9.]+$/.test(value) ? value : JSON.stringify(value);
      return String(value);
    };
    const result = check((built) => readYaml(synthSidecars(built).map(naive).join('\n---\n')));
    expect(result.failed).toBe(true);
  });
});
