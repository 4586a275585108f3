// One run of the engine, as every front door (app validation, CLI, cdk8s-cli plugin) does it:
// settings resolved and validated here, once, then load (the front door's job), run, render.
import { analyze, isBlocking } from './engine';
import { Finding, Severity } from './finding';
import { ManifestEntry } from './manifest';
import { OutboundTrafficPolicyMode } from './outbound-traffic-policy-mode';
import { RegistryCompleteness } from './registry-completeness';
import { DEFAULT_MAX_SCOPE_HOSTS, RULE_PACKS, RulePack } from './rule-pack';
import { rulesFor } from './rules';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE, OutboundTrafficMode } from './snapshot';
import { fqdnProblem, namespaceNameProblem } from './syntax/dns';

/** The settings of one run, resolved: every field has its value. */
export interface RunSettings {
  readonly rootNamespace: string;
  readonly clusterDomain: string;
  /** The least serious unsuppressed finding that fails the run. */
  readonly failOn: Severity;
  /** Whether the input is the whole service registry, or may be part of it. */
  readonly registry: RegistryCompleteness;
  /** MeshConfig `outboundTrafficPolicy.mode`, when the input's mesh config says it (see mesh-config.ts). */
  readonly outboundTrafficPolicyMode?: OutboundTrafficMode;
  /** Where the mesh config was read, e.g. `ConfigMap istio-system/istio`. */
  readonly meshConfigSource?: string;
  /** Which source each mesh setting came from, a line each, for the text output. */
  readonly notes?: readonly string[];
  /** The opt-in rule packs turned on, each once, in the order given. */
  readonly rulePacks: RulePack[];
  /** P-SCOPE-SIZE's threshold (least-privilege pack): more host names than this in one scope is reported. */
  readonly maxScopeHosts: number;
}

/** Settings as a front door received them: from flags, cdk8s.yaml, props or JavaScript, any type. */
export interface RunSettingsInput {
  readonly rootNamespace?: unknown;
  readonly clusterDomain?: unknown;
  readonly failOn?: unknown;
  readonly registry?: unknown;
  /** The mesh's outbound traffic policy mode, when the front door was told it (it wins over the input's mesh config). */
  readonly outboundTrafficPolicy?: unknown;
  /** The opt-in rule packs to turn on: a list of pack names (default none). */
  readonly rulePacks?: unknown;
  /** P-SCOPE-SIZE's threshold, a positive integer (default 100). */
  readonly maxScopeHosts?: unknown;
}

export type SettingName = keyof RunSettingsInput;

/** A setting a front door was given is invalid. The message names it as that front door spells it. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

const SEVERITIES: readonly string[] = [Severity.ERROR, Severity.WARNING, Severity.INFO];
/** The values MeshConfig `outboundTrafficPolicy.mode` takes. */
export const OUTBOUND_MODES: readonly string[] = Object.values(OutboundTrafficPolicyMode);
const REGISTRY_COMPLETENESS_VALUES: readonly string[] = [RegistryCompleteness.COMPLETE, RegistryCompleteness.PARTIAL];

/**
 * Fills in the defaults and checks every setting; throws a SettingsError naming the first bad
 * one with `spell` (e.g. `--root-namespace` on the CLI), its value, and what it should be.
 */
export function resolveRunSettings(input: RunSettingsInput, spell: (name: SettingName) => string = (name) => name): RunSettings {
  const invalid = (name: SettingName, value: unknown, problem: string) =>
    new SettingsError(`${spell(name)} ${JSON.stringify(value)} is invalid: ${problem}`);
  const {
    rootNamespace = DEFAULT_ROOT_NAMESPACE, clusterDomain = DEFAULT_CLUSTER_DOMAIN, failOn = Severity.ERROR, registry = RegistryCompleteness.PARTIAL,
    outboundTrafficPolicy, rulePacks = [], maxScopeHosts = DEFAULT_MAX_SCOPE_HOSTS,
  } = input;
  if (typeof rootNamespace !== 'string') throw invalid('rootNamespace', rootNamespace, 'expected a namespace name such as "istio-system"');
  const namespaceProblem = namespaceNameProblem(rootNamespace);
  if (namespaceProblem) throw invalid('rootNamespace', rootNamespace, namespaceProblem);
  if (typeof clusterDomain !== 'string') throw invalid('clusterDomain', clusterDomain, 'expected a DNS domain such as "cluster.local"');
  const domainProblem = fqdnProblem(clusterDomain);
  if (domainProblem) throw invalid('clusterDomain', clusterDomain, `${domainProblem}, e.g. "cluster.local"`);
  if (typeof failOn !== 'string' || !SEVERITIES.includes(failOn)) {
    throw invalid('failOn', failOn, `expected ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`);
  }
  if (typeof registry !== 'string' || !REGISTRY_COMPLETENESS_VALUES.includes(registry)) {
    throw invalid('registry', registry, `expected ${REGISTRY_COMPLETENESS_VALUES.map((v) => `"${v}"`).join(' or ')} ("complete" when the input is a whole cluster export)`);
  }
  if (outboundTrafficPolicy !== undefined && (typeof outboundTrafficPolicy !== 'string' || !OUTBOUND_MODES.includes(outboundTrafficPolicy))) {
    throw invalid('outboundTrafficPolicy', outboundTrafficPolicy, 'expected "REGISTRY_ONLY" or "ALLOW_ANY" (MeshConfig outboundTrafficPolicy.mode)');
  }
  const known = `the known packs: ${RULE_PACKS.map((p) => `"${p}"`).join(', ')}`;
  if (!Array.isArray(rulePacks)) throw invalid('rulePacks', rulePacks, `expected a list of rule pack names (${known})`);
  for (const pack of rulePacks) {
    if (typeof pack !== 'string' || !(RULE_PACKS as readonly string[]).includes(pack)) {
      throw new SettingsError(`${spell('rulePacks')} ${JSON.stringify(pack)} is not a rule pack: ${known}`);
    }
  }
  if (typeof maxScopeHosts !== 'number' || !Number.isInteger(maxScopeHosts) || maxScopeHosts < 1) {
    throw invalid('maxScopeHosts', maxScopeHosts, 'expected a whole number of host names, 1 or more (default 100)');
  }
  const packs = [...new Set(rulePacks as RulePack[])];
  // Messages say where the mode came from: `--outbound-policy`, or `the outboundTrafficPolicy setting`.
  const spelled = spell('outboundTrafficPolicy').replace(/^.*: /, '');
  const source = spelled.startsWith('--') ? spelled : `the ${spelled} setting`;
  const outbound = outboundTrafficPolicy === undefined
    ? {}
    : { outboundTrafficPolicyMode: outboundTrafficPolicy as OutboundTrafficMode, meshConfigSource: source };
  const packSettings = { rulePacks: packs, maxScopeHosts };
  return { rootNamespace, clusterDomain, failOn: failOn as Severity, registry: registry as RegistryCompleteness, ...outbound, ...packSettings };
}

/** Unsuppressed findings by severity, and suppressed ones apart. */
export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  let errors = 0, warnings = 0, infos = 0, suppressed = 0;
  for (const finding of findings) {
    if (finding.suppressedReason !== undefined) suppressed++;
    else if (finding.severity === Severity.ERROR) errors++;
    else if (finding.severity === Severity.WARNING) warnings++;
    else infos++;
  }
  return { errors, warnings, infos, suppressed };
}

/** What one run found, ready for a front door to render. */
export interface RunResult {
  readonly settings: RunSettings;
  /** Every finding, suppressed ones included, grouped by object in input order. */
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  /** The findings that fail the run under `settings.failOn`. */
  readonly blocking: readonly Finding[];
}

export function runAnalysis(entries: readonly ManifestEntry[], settings: RunSettings): RunResult {
  const findings = analyze(entries, {
    rootNamespace: settings.rootNamespace,
    clusterDomain: settings.clusterDomain,
    registry: settings.registry,
    outboundTrafficPolicyMode: settings.outboundTrafficPolicyMode,
    meshConfigSource: settings.meshConfigSource,
    rules: rulesFor(settings.rulePacks, { maxScopeHosts: settings.maxScopeHosts }),
  });
  return { settings, findings, summary: summarize(findings), blocking: findings.filter((f) => isBlocking(f, settings.failOn)) };
}
