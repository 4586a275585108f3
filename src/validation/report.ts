import { mkdirSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { RunResult } from '../analysis/run';

/** The JSON report of one synth: settings, summary, and every finding with its suppression. */
export function reportJson(result: RunResult): string {
  const { rootNamespace, clusterDomain, failOn, registry } = result.settings;
  const { summary, findings } = result;
  return JSON.stringify({ tool: 'cdk8s-istio-sidecar', rootNamespace, clusterDomain, failOn, registry, summary, findings }, undefined, 2) + '\n';
}

/**
 * Writes the report to `file` (relative paths from the working directory). Never into the
 * manifest folder unless asked: `kubectl apply -f dist/` takes every file there for a manifest.
 * No timestamps, so the same app gives the same bytes.
 */
export function writeReport(file: string, result: RunResult): string {
  return writeOutput(file, reportJson(result));
}

/** Writes `text` to `file` (relative paths from the working directory), making its folder if needed. */
export function writeOutput(file: string, text: string): string {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
