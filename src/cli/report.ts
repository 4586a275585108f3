import { relative, resolve, sep } from 'path';
import { formatFinding } from '../analysis/engine';
import { Finding, ResourceRef, Severity } from '../analysis/finding';
import { shortRef } from '../analysis/manifest';
import { RunResult } from '../analysis/run';
import { WorkloadSelection } from '../analysis/selection';
import { SourcePosition } from '../positions';

/** What `lint` renders: the run, where each finding is written (by index), and what was read. */
export interface LintReport {
  readonly result: RunResult;
  /** The line and column of each of `result.findings`, by index; undefined where unknown. */
  readonly positions: ReadonlyArray<SourcePosition | undefined>;
  readonly resources: number;
  readonly files: number;
}

/** The unsuppressed findings, each with its position. */
function activeFindings(report: LintReport): Array<{ finding: Finding; position?: SourcePosition }> {
  const active: Array<{ finding: Finding; position?: SourcePosition }> = [];
  report.result.findings.forEach((finding, i) => {
    if (finding.suppressedReason === undefined) active.push({ finding, position: report.positions[i] });
  });
  return active;
}

/** The JSON shape of `lint --format json`; keys in this order, nothing else. */
export function lintJson(report: LintReport): string {
  const { errors, warnings, infos, suppressed } = report.result.summary;
  return JSON.stringify({
    findings: activeFindings(report).map(({ finding: f, position }) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      resource: refJson(f.resource),
      path: f.path,
      file: f.location ?? null,
      line: position?.line ?? null,
      column: position?.column ?? null,
      references: f.references,
      related: (f.related ?? []).map((r) => ({ ...refJson(r.resource), file: r.location ?? null })),
    })),
    summary: { errors, warnings, infos, resources: report.resources, suppressed },
  }, undefined, 2);
}

function refJson(ref: ResourceRef): { apiVersion: string; kind: string; namespace: string | null; name: string } {
  return { apiVersion: ref.apiVersion, kind: ref.kind, namespace: ref.namespace ?? null, name: ref.name };
}

/**
 * One line per finding, `file:line:col: severity RULE-ID: message (at field) [object]`, then a
 * summary line.
 */
export function lintText(report: LintReport): string {
  const lines = activeFindings(report).map(({ finding: f, position }) =>
    `${where(f, position)}: ${f.severity} ${formatFinding(f)} [${describe(f.resource)}]`);
  lines.push(...report.result.settings.notes ?? []);
  lines.push(summaryLine(report));
  return lines.join('\n');
}

/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per
 * finding, shown on the pull request's diff, then the summary line as plain log output.
 */
export function lintGithub(report: LintReport, cwd: string = process.cwd()): string {
  const lines = activeFindings(report).map(({ finding: f, position }) => {
    const file = f.location !== undefined && f.location !== STDIN_NAME && f.location !== ENGINE_NAME ? relativePath(f.location, cwd) : undefined;
    const properties = [
      ...(file !== undefined ? [`file=${escapeProperty(file)}`] : []),
      ...(file !== undefined && position ? [`line=${position.line}`, `col=${position.column}`] : []),
      `title=${escapeProperty(f.ruleId)}`,
    ];
    return `::${GITHUB_COMMAND[f.severity]} ${properties.join(',')}::${escapeData(findingMessage(f))}`;
  });
  lines.push(summaryLine(report));
  return lines.join('\n');
}

const GITHUB_COMMAND: { readonly [severity in Severity]: string } = {
  [Severity.ERROR]: 'error',
  [Severity.WARNING]: 'warning',
  [Severity.INFO]: 'notice',
};

const STDIN_NAME = '<stdin>';
const ENGINE_NAME = '<engine>';

/** A workflow command's message: `%`, CR and LF would end or garble the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A finding's message with its field and object, without its rule id (the annotation's title). */
export function findingMessage(f: Finding): string {
  return `${formatFinding(f).slice(f.ruleId.length + 2)} [${describe(f.resource)}]`;
}

/** `file` made relative to `cwd`, with `/` between folders (as GitHub and SARIF name files). */
export function relativePath(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split(sep).join('/');
}

function where(f: Finding, position: SourcePosition | undefined): string {
  const file = f.location ?? '<input>';
  return position ? `${file}:${position.line}:${position.column}` : file;
}

function summaryLine(report: LintReport): string {
  const { errors, warnings, infos, suppressed } = report.result.summary;
  const failing = report.result.blocking.length;
  const failOn = report.result.settings.failOn;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} `
    + `in ${plural(report.resources, 'resource')} from ${plural(report.files, 'file')}`
    + `${suppressed > 0 ? `; ${suppressed} suppressed by annotation` : ''}${failing > 0 ? ` (${failing} at or above --fail-on ${failOn})` : ''}`;
}

/** The size of a workload's scope: how many host names it has, of how many its namespace sees. */
export interface ScopeSize {
  readonly hosts: number;
  readonly visible: number;
}

/** The JSON shape of `explain --format json`; `scope` is null for workloads without a proxy. */
export function explainJson(selections: readonly WorkloadSelection[], sizeOf: (s: WorkloadSelection) => ScopeSize | undefined): string {
  return JSON.stringify({
    workloads: selections.map((s) => ({
      workload: { kind: s.workload.ref.kind, namespace: s.workload.ref.namespace ?? null, name: s.workload.ref.name },
      sidecar: s.sidecar ? { namespace: s.sidecar.ref.namespace ?? null, name: s.sidecar.ref.name } : null,
      via: s.via,
      reason: s.reason,
      scope: sizeOf(s) ?? null,
    })),
  }, undefined, 2);
}

export function explainText(selections: readonly WorkloadSelection[], sizeOf: (s: WorkloadSelection) => ScopeSize | undefined): string {
  if (selections.length === 0) return 'no workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) in the input';
  return selections.map((s) => {
    const sidecar = s.sidecar ? `Sidecar ${s.sidecar.ref.namespace ?? '(no namespace)'}/${s.sidecar.ref.name}` : 'no Sidecar';
    const size = sizeOf(s);
    const scope = size ? `; scope: ${size.hosts} of ${plural(size.visible, 'host')} visible from its namespace` : '';
    return `${describe(s.workload.ref)} -> ${sidecar} (${s.via}): ${s.reason}${scope}`;
  }).join('\n');
}

export function describe(ref: ResourceRef): string {
  return shortRef(ref);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
