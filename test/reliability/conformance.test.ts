// Property: whatever a user passes (of the declared types), the library either refuses it with a
// clear error (at construction or at synth), or emits Sidecars that Istio accepts: they conform to
// the Sidecar CRD schema (checked with the project's own schema model) and the engine finds no
// error in them.
import { ApiObject } from 'cdk8s';
import * as fc from 'fast-check';
import { SEED, appArb } from './arbitraries';
import { BuiltApp, blockingErrors, buildApp, quotable, synthSidecars, unclearError } from './harness';
import { SidecarIn, portNumber } from './model';
import { SidecarApiVersion } from '../../src';
import { sidecarSpecProblems } from '../../src/analysis/schema';


type Outcome = 'construct-error' | 'synth-error' | 'ok';

/** The pieces of the pipeline the property runs; the meta tests swap one for a broken stand-in. */
interface Pipeline {
  build(inputs: readonly SidecarIn[]): BuiltApp;
  synth(built: BuiltApp): Array<{ [key: string]: any }>;
  schemaProblems(spec: unknown): readonly unknown[];
}

const REAL: Pipeline = { build: (inputs) => buildApp(inputs), synth: synthSidecars, schemaProblems: sidecarSpecProblems };
const SERVED_VERSIONS: readonly string[] = Object.values(SidecarApiVersion);

/** Runs one input through the pipeline; throws (failing the property) on anything but a clear error or conformant output. */
function judge(inputs: readonly SidecarIn[], pipeline: Pipeline = REAL): Outcome {
  let built: BuiltApp;
  try {
    built = pipeline.build(inputs);
  } catch (error) {
    const problem = unclearError(error, quotable(inputs));
    if (problem) throw new Error(`at construction: ${problem}`);
    return 'construct-error';
  }
  let manifests: Array<{ [key: string]: any }>;
  try {
    manifests = pipeline.synth(built);
  } catch (error) {
    const problem = unclearError(error, quotable(inputs));
    if (problem) throw new Error(`at synth: ${problem}`);
    return 'synth-error';
  }
  if (manifests.length !== inputs.length) throw new Error(`expected ${inputs.length} Sidecars, got ${manifests.length}`);
  for (const manifest of manifests) {
    if (!SERVED_VERSIONS.includes(manifest.apiVersion)) throw new Error(`apiVersion ${JSON.stringify(manifest.apiVersion)} is not served by the Sidecar CRD`);
    const problems = pipeline.schemaProblems(manifest.spec);
    if (problems.length > 0) throw new Error(`${manifest.metadata.name} breaks the CRD schema: ${JSON.stringify(problems)}`);
  }
  const errors = blockingErrors(built);
  if (errors.length > 0) throw new Error(`synth passed, but the engine reports errors: ${errors.join('; ')}`);
  return 'ok';
}

describe('conformance: a clear error, or output Istio accepts', () => {
  test('any input (hostile values included) -> a clear error at construction or synth, or conformant Sidecars', () => {
    const outcomes: { [outcome in Outcome]: number } = { 'construct-error': 0, 'synth-error': 0, 'ok': 0 };
    fc.assert(
      fc.property(appArb('any'), (inputs) => {
        outcomes[judge(inputs)]++;
      }),
      { seed: SEED, numRuns: 1000 },
    );
    // Not vacuous: every branch is taken a fair number of times.
    expect(outcomes['construct-error']).toBeGreaterThan(200);
    expect(outcomes['synth-error']).toBeGreaterThan(200);
    expect(outcomes.ok).toBeGreaterThan(200);
  });

  test('valid input -> always synthesizes, conforms to the schema and raises no engine error', () => {
    fc.assert(
      fc.property(appArb('valid'), (inputs) => {
        expect(judge(inputs)).toBe('ok');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('conformance: the property catches what it targets', () => {
  // Each stand-in breaks one guarantee; the same property, run the same way, must fail.
  const failsWith = (pipeline: Pipeline, mode: 'valid' | 'any' = 'any') => fc.check(
    fc.property(appArb(mode), (inputs) => {
      judge(inputs, pipeline);
    }),
    { seed: SEED, numRuns: 400 },
  );

  test('a renderer that emits a field the CRD does not define -> the schema check fails the property', () => {
    const result = failsWith({
      ...REAL,
      synth: (built) => REAL.synth(built).map((m) => ({ ...m, spec: { ...m.spec, egres: m.spec.egress ?? [] } })),
    }, 'valid');
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toContain('unknown-field');
  });

  test('a renderer that writes a port number as a string -> the schema check fails the property', () => {
    const stringPorts = (listeners: any[] | undefined) =>
      listeners?.map((l) => (l.port?.number === undefined ? l : { ...l, port: { ...l.port, number: String(l.port.number) } }));
    const result = failsWith({
      ...REAL,
      synth: (built) => REAL.synth(built)
        .map((m) => ({ ...m, spec: { ...m.spec, ingress: stringPorts(m.spec.ingress), egress: stringPorts(m.spec.egress) } })),
    }, 'valid');
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toContain('wrong-type');
  });

  test('a synth that skips validation -> invalid values reach the output and the engine check fails the property', () => {
    const result = failsWith({ ...REAL, synth: (built) => built.sidecars.map((s) => ApiObject.of(s).toJson()) });
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toMatch(/the engine reports errors|breaks the CRD schema/);
  });

  test('a factory that crashes with a TypeError on a bad port -> the clear-error check fails the property', () => {
    const result = failsWith({
      ...REAL,
      build: (inputs) => {
        const ports = inputs.flatMap((s) => [...s.ingress.map((l) => l.port), ...s.egress.flatMap((l) => (l.port ? [l.port] : []))]);
        const bad = (n: number | undefined) => n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 65535);
        if (ports.some((p) => bad(portNumber(p)))) (undefined as any).number.toFixed();
        return REAL.build(inputs);
      },
    });
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toContain('TypeError');
  });

  test('an error that neither quotes the value nor names a rule -> the clear-error check fails the property', () => {
    const result = failsWith({
      ...REAL,
      build: (inputs) => {
        try {
          return REAL.build(inputs);
        } catch {
          throw new Error('invalid input');
        }
      },
    });
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toContain('neither names a rule nor quotes a value');
  });
});
