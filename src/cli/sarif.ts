import { isAbsolute, resolve } from 'path';
import { pathToFileURL } from 'url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { LintReport, findingMessage, relativePath } from './report';
import { RULE_FAILURE_ID } from '../analysis/engine';
import { Finding, Severity } from '../analysis/finding';
import { rulesFor } from '../analysis/rules';
import { SourcePosition } from '../positions';
import { ToolInfo, ruleHelpUri } from '../tool-info';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: { readonly [severity in Severity]: 'error' | 'warning' | 'note' } = {
  [Severity.ERROR]: 'error',
  [Severity.WARNING]: 'warning',
  [Severity.INFO]: 'note',
};

/**
 * `lint --format sarif`: a SARIF 2.1.0 log with one run. The driver lists every rule the run
 * ran (from the rule registry, as docs/RULES.md does, with the packs turned on); each finding is a result, located at its file (relative
 * to `cwd`), line and column. A finding suppressed by annotation is a result with a suppression
 * that gives the reason, so code scanning shows it as dismissed.
 */
export function lintSarif(report: LintReport, tool: ToolInfo, cwd: string = process.cwd()): string {
  const { rulePacks, maxScopeHosts } = report.result.settings;
  // The rules the run ran: the default ones, and those of the packs it turned on.
  const rules: ReportingDescriptor[] = rulesFor(rulePacks, { maxScopeHosts }).map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: rule.fix },
    helpUri: ruleHelpUri(tool, rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
  }));
  if (report.result.findings.some((f) => f.ruleId === RULE_FAILURE_ID)) {
    rules.push({
      id: RULE_FAILURE_ID,
      shortDescription: { text: 'A rule failed on this input: a bug of cdk8s-istio-sidecar, not of the input' },
      help: { text: `Report it at ${tool.informationUri}/issues with the input that caused it` },
      defaultConfiguration: { level: 'error' },
    });
  }
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = report.result.findings.map((finding, i) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: findingMessage(finding) },
    locations: [location(finding, report.positions[i], cwd)],
    ...(finding.suppressedReason !== undefined
      ? { suppressions: [{ kind: 'inSource' as const, justification: finding.suppressedReason }] }
      : {}),
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, undefined, 2);
}

/** The file, line and column of a finding, and the object and field it is about. */
function location(finding: Finding, position: SourcePosition | undefined, cwd: string): Location {
  const ref = finding.resource;
  const object = [ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name].join('/');
  const logical = { logicalLocations: [{ fullyQualifiedName: finding.path ? `${object}:${finding.path}` : object, kind: 'object' }] };
  const file = finding.location;
  if (file === undefined || file.startsWith('<')) return logical;
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(file, cwd) },
      ...(position ? { region: { startLine: position.line, startColumn: position.column } } : {}),
    },
    ...logical,
  };
}

/** A relative URI reference for a file under `cwd` (as code scanning wants), else a file: URI. */
function fileUri(file: string, cwd: string): string {
  const path = relativePath(file, cwd);
  if (path.startsWith('../') || path === '..' || isAbsolute(path)) return pathToFileURL(resolve(cwd, file)).href;
  return path.split('/').map(encodeURIComponent).join('/');
}
