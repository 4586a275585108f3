import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Finding, Severity } from '../analysis/finding';

export const REPORT_FILE_NAME = 'cdk8s-istio-sidecar.report.json';

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
}

/** Counts unsuppressed findings by severity, and suppressed ones apart. */
export function summarize(findings: readonly Finding[]): FindingSummary {
  const active = findings.filter((f) => f.suppressedReason === undefined);
  return {
    errors: active.filter((f) => f.severity === Severity.ERROR).length,
    warnings: active.filter((f) => f.severity === Severity.WARNING).length,
    infos: active.filter((f) => f.severity === Severity.INFO).length,
    suppressed: findings.length - active.length,
  };
}

/**
 * Writes the JSON report into the app's output folder. JSON, not YAML: the cdk8s CLI takes
 * every YAML file there for a manifest. No timestamps, so the same app gives the same bytes.
 */
export function writeReport(outdir: string, rootNamespace: string, findings: readonly Finding[]): string {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, REPORT_FILE_NAME);
  const report = { tool: 'cdk8s-istio-sidecar', rootNamespace, summary: summarize(findings), findings };
  writeFileSync(file, JSON.stringify(report, undefined, 2) + '\n');
  return file;
}
