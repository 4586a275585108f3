import { Finding, Severity } from './finding';
import { ManifestEntry, shortRef } from './manifest';
import { MeshReportOptions, Rule, SidecarRule } from './rule';
import { rulesFor } from './rules';
import { AnyResource, MeshOptions, MeshSnapshot } from './snapshot';

/** Options of one analysis run. */
export interface AnalysisOptions extends MeshOptions {
  /** The rules to run. Defaults to every registered rule, and those of the packs in `rulePacks`. */
  readonly rules?: readonly Rule[];
}

/** Id of the finding that stands in for a rule that threw: a bug of ours, never the user's input. */
export const RULE_FAILURE_ID = 'ENGINE-RULE-FAILED';

/**
 * Runs every rule over the manifests and returns the findings, grouped by object in input
 * order, then in rule order. Pure: the same input gives the same output.
 */
export function analyze(entries: readonly ManifestEntry[], options: AnalysisOptions = {}): Finding[] {
  const mesh = new MeshSnapshot(entries, options);
  const rules = options.rules ?? rulesFor(options.rulePacks ?? [], { maxScopeHosts: options.maxScopeHosts });
  const collected: Array<{ index: number; finding: Finding }> = [];
  const add = (rule: Rule, subject: AnyResource, path: string, message: string, extra: MeshReportOptions = {}) => {
    // A finding across objects is one problem: a suppression on any object involved covers it,
    // unless the rule gives each object involved its own finding (then only the subject's counts).
    const perSubject = rule.scope === 'mesh' && rule.reportsEachSubject === true;
    const suppression = [subject, ...(perSubject ? [] : extra.related ?? [])]
      .map((r) => r.suppressions.find((s) => s.ruleId === rule.id))
      .find((s) => s !== undefined);
    const related = extra.related?.map((r) => ({ resource: r.ref, location: r.entry.location }));
    collected.push({
      index: subject.index,
      finding: {
        ruleId: rule.id,
        severity: extra.severity ?? rule.severity,
        message,
        resource: subject.ref,
        path,
        references: [...rule.references],
        ...(subject.entry.location !== undefined ? { location: subject.entry.location } : {}),
        ...(related && related.length > 0 ? { related } : {}),
        ...(suppression ? { suppressedReason: suppression.reason } : {}),
      },
    });
  };

  // Sidecars outer, rules inner: one reporter per Sidecar rather than one closure per rule and
  // Sidecar, which at scale cost more than the rules themselves.
  const sidecarRules = rules.filter((r): r is SidecarRule => r.scope === 'sidecar');
  for (const sidecar of mesh.sidecars) {
    let current: Rule = sidecarRules[0];
    const report = (path: string, message: string, severity?: Severity) =>
      add(current, sidecar, path, message, severity === undefined ? undefined : { severity });
    for (const rule of sidecarRules) {
      current = rule;
      try {
        rule.check(sidecar, report, mesh);
      } catch (error) {
        reportFailure(rule, sidecar, error, add);
      }
    }
  }
  for (const rule of rules) {
    if (rule.scope !== 'mesh') continue;
    try {
      rule.check(mesh, (subject, message, extra) => add(rule, subject, extra?.path ?? '', message, extra));
    } catch (error) {
      reportFailure(rule, undefined, error, add);
    }
  }
  // Stable sort: by object, keeping rule order within an object.
  return collected.sort((a, b) => a.index - b.index).map((c) => c.finding);
}

type Add = (rule: Rule, subject: AnyResource, path: string, message: string, extra?: MeshReportOptions) => void;

/** A rule that throws must not hide the other findings: report it as an engine failure and go on. */
function reportFailure(rule: Rule, subject: AnyResource | undefined, error: unknown, add: Add): void {
  const reason = error instanceof Error ? error.message : String(error);
  const stand = { ...rule, id: RULE_FAILURE_ID, severity: Severity.ERROR, references: [] } as Rule;
  const placeholder: AnyResource = subject ?? {
    index: Number.MAX_SAFE_INTEGER, entry: { manifest: undefined, location: '<engine>' }, manifest: {}, ref: { apiVersion: '', kind: '', name: '' }, suppressions: [],
  };
  add(stand, placeholder, '', `rule ${rule.id} failed on this input (${reason}); please report this bug to cdk8s-istio-sidecar`);
}

/** True when a finding should fail the run: not suppressed and at least as serious as `failOn`. */
export function isBlocking(finding: Finding, failOn: Severity = Severity.ERROR): boolean {
  if (finding.suppressedReason !== undefined) return false;
  if (failOn === Severity.INFO) return true;
  if (failOn === Severity.WARNING) return finding.severity !== Severity.INFO;
  return finding.severity === Severity.ERROR;
}

/**
 * One line for people: `RULE-ID: message (at spec.egress[0].hosts[1])`, naming the other
 * objects involved. Front doors put where the object came from in front of it.
 */
export function formatFinding(finding: Finding): string {
  const at = finding.path ? ` (at ${finding.path})` : '';
  const others = (finding.related ?? []).map((r) => `${shortRef(r.resource)}${r.location ? ` [${r.location}]` : ''}`);
  const also = others.length > 0 ? ` (also: ${others.join(', ')})` : '';
  return `${finding.ruleId}: ${finding.message}${at}${also}`;
}

/** `[where] RULE-ID: message`, as synth lists a finding: where the object came from first. */
export function formatLocatedFinding(finding: Finding): string {
  return `[${finding.location}] ${formatFinding(finding)}`;
}
