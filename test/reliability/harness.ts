// Builds apps from the IR of ./model.ts and judges what comes out: errors must be clear,
// output must conform. Shared by the property tests of this folder.
import { App, Chart, Testing } from 'cdk8s';
import {
  DEFAULT_API_VERSION, SidecarIn, buildEgress, buildIngress, buildPolicy, buildPool, buildSelector, expectedBind,
  expectedEndpoint, expectedHost, HostIn,
} from './model';
import { IstioMesh, Severity, Sidecar, SidecarApiVersion } from '../../src';

export interface BuiltApp {
  readonly app: App;
  readonly chart: Chart;
  readonly sidecars: Sidecar[];
}

export interface BuildOptions {
  /**
   * Build the equivalent app another way: every value object through `parse()` / `of()`,
   * every listener through `addIngress()` / `addEgress()`, the default apiVersion spelt out.
   */
  readonly alt?: boolean;
  /** The Sidecar class to build with (a deliberately broken subclass, in the meta tests). */
  readonly sidecarClass?: typeof Sidecar;
  readonly outdir?: string;
}

export function buildApp(inputs: readonly SidecarIn[], options: BuildOptions = {}): BuiltApp {
  const app = new App({ outdir: options.outdir ?? '/nonexistent-outdir' });
  const chart = new Chart(app, 'reliability');
  const SidecarClass = options.sidecarClass ?? Sidecar;
  const alt = options.alt ?? false;
  const sidecars = inputs.map((s, i) => {
    const inProps = alt ? { ingress: 0, egress: 0 } : { ingress: s.ingressInProps, egress: s.egressInProps };
    const sidecar = new SidecarClass(chart, `sidecar-${i}`, {
      metadata: { namespace: s.namespace, ...(s.name === undefined ? {} : { name: s.name }) },
      apiVersion: (s.apiVersion ?? (alt ? DEFAULT_API_VERSION : undefined)) as SidecarApiVersion | undefined,
      workloadSelector: s.selector && buildSelector(s.selector),
      ingress: s.ingress.slice(0, inProps.ingress).map((l) => buildIngress(l, alt)),
      egress: s.egress.slice(0, inProps.egress).map((l) => buildEgress(l, alt)),
      outboundTrafficPolicy: s.policy && buildPolicy(s.policy),
      inboundConnectionPool: s.inboundPool && buildPool(s.inboundPool),
    });
    s.ingress.slice(inProps.ingress).forEach((l) => sidecar.addIngress(buildIngress(l, alt)));
    s.egress.slice(inProps.egress).forEach((l) => sidecar.addEgress(buildEgress(l, alt)));
    return sidecar;
  });
  return { app, chart, sidecars };
}

/** The Sidecar manifests of the chart, synthesized the way users test them (validation included). */
export function synthSidecars(built: BuiltApp): Array<{ [key: string]: any }> {
  return Testing.synth(built.chart).filter((m) => m.kind === 'Sidecar');
}

/** Unsuppressed error findings of the app (what fails synth). */
export function blockingErrors(built: BuiltApp): string[] {
  return IstioMesh.of(built.app).findings()
    .filter((f) => f.severity === Severity.ERROR && f.suppressedReason === undefined)
    .map((f) => `${f.ruleId} at ${f.location} ${f.path}: ${f.message}`);
}

// ---------------------------------------------------------------------------------------------
// What makes an error clear

const RULE_ID = /\b[SX]-[A-Z0-9]+(?:-[A-Z0-9]+)*\b/;
const CRASH_CLASSES = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** Every string and number in the input, as a message would quote it: `"value"`, or a number standing alone. */
export function quotesInputValue(message: string, input: unknown): boolean {
  const strings = new Set<string>();
  const numbers = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.add(JSON.stringify(value)).add(`"${value}"`);
    else if (typeof value === 'number') numbers.add(String(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(input);
  if ([...strings].some((s) => message.includes(s))) return true;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...numbers].some((n) => new RegExp(`(^|[^0-9.e+-])${escape(n)}($|[^0-9.e])`).test(message));
}

/** What a message may quote: values of the input (quoted strings, standalone numbers), and strings assembled from them. */
export interface Quotable {
  readonly input: unknown;
  readonly assembled?: readonly string[];
}

/**
 * Why `error` is not a clear error, or undefined when it is: an Error (not a TypeError or other
 * crash of the code itself) whose message names a rule id or quotes a value of the input.
 */
export function unclearError(error: unknown, quotes: Quotable): string | undefined {
  if (!(error instanceof Error)) return `threw a non-Error: ${String(error)}`;
  const crash = CRASH_CLASSES.find((c) => error instanceof c);
  if (crash) return `crashed with a ${crash.name}: ${error.message}`;
  const message = error.message;
  if (/ENGINE-RULE-FAILED/.test(message)) return `a rule threw: ${message}`;
  if (RULE_ID.test(message)) return undefined;
  if (quotesInputValue(message, quotes.input)) return undefined;
  if ((quotes.assembled ?? []).some((text) => message.includes(text))) return undefined;
  return `the message neither names a rule nor quotes a value of the input: ${message}`;
}

/**
 * The input as messages may quote it: its own values, plus the strings the factories assemble
 * from them (`Endpoint.unix('')` is reported as "unix://", an empty selector as {}).
 */
export function quotable(inputs: readonly SidecarIn[]): Quotable {
  const assembled = inputs.flatMap((s) => [
    s.selector && JSON.stringify(Object.fromEntries(s.selector)),
    ...s.ingress.flatMap((l) => [l.bind && expectedBind(l.bind), l.defaultEndpoint && expectedEndpoint(l.defaultEndpoint)]),
    ...s.egress.flatMap((l) => [l.bind && expectedBind(l.bind), ...l.hosts.flatMap(hostTexts)]),
  ]);
  return { input: inputs, assembled: assembled.filter((v): v is string => v !== undefined && v.length > 0) };
}

function hostTexts(h: HostIn): string[] {
  return [expectedHost(h), ...(h.f === 'exclude' ? hostTexts(h.inner) : [])];
}

export function expectClearError(error: unknown, quotes: Quotable): void {
  const problem = unclearError(error, quotes);
  if (problem) throw new Error(problem);
}

