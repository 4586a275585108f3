import { formatFinding } from '../analysis/engine';
import { ResourceRef } from '../analysis/finding';
import { RunResult } from '../analysis/run';
import { WorkloadSelection } from '../analysis/selection';

/** The JSON shape of `lint --format json`; keys in this order, nothing else. */
export function lintJson(result: RunResult, resources: number): string {
  const active = result.findings.filter((f) => f.suppressedReason === undefined);
  const { errors, warnings, infos } = result.summary;
  return JSON.stringify({
    findings: active.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      resource: { apiVersion: f.resource.apiVersion, kind: f.resource.kind, namespace: f.resource.namespace ?? null, name: f.resource.name },
      path: f.path,
      file: f.location ?? null,
      references: f.references,
    })),
    summary: { errors, warnings, infos, resources },
  }, undefined, 2);
}

/** One line per finding (file, object, severity, rule, message, field), then a summary line. */
export function lintText(result: RunResult, resources: number, files: number): string {
  const active = result.findings.filter((f) => f.suppressedReason === undefined);
  const lines = active.map((f) => `${f.location ?? '<input>'}: ${describe(f.resource)}: ${f.severity} ${formatFinding(f)}`);
  const { errors, warnings, infos, suppressed } = result.summary;
  const failing = result.blocking.length;
  const failOn = result.settings.failOn;
  lines.push(
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} `
    + `in ${plural(resources, 'resource')} from ${plural(files, 'file')}`
    + `${suppressed > 0 ? `; ${suppressed} suppressed by annotation` : ''}${failing > 0 ? ` (${failing} at or above --fail-on ${failOn})` : ''}`,
  );
  return lines.join('\n');
}

/** The JSON shape of `explain --format json`. */
export function explainJson(selections: readonly WorkloadSelection[]): string {
  return JSON.stringify({
    workloads: selections.map((s) => ({
      workload: { kind: s.workload.ref.kind, namespace: s.workload.ref.namespace ?? null, name: s.workload.ref.name },
      sidecar: s.sidecar ? { namespace: s.sidecar.ref.namespace ?? null, name: s.sidecar.ref.name } : null,
      via: s.via,
      reason: s.reason,
    })),
  }, undefined, 2);
}

export function explainText(selections: readonly WorkloadSelection[]): string {
  if (selections.length === 0) return 'no workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) in the input';
  return selections.map((s) => {
    const sidecar = s.sidecar ? `Sidecar ${s.sidecar.ref.namespace ?? '(no namespace)'}/${s.sidecar.ref.name}` : 'no Sidecar';
    return `${describe(s.workload.ref)} -> ${sidecar} (${s.via}): ${s.reason}`;
  }).join('\n');
}

function describe(ref: ResourceRef): string {
  return `${ref.kind || 'object'} ${ref.namespace ?? '(no namespace)'}/${ref.name}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
