#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'fs';
import { CliOptions, USAGE, parseArgs } from './args';
import { InputError } from './input-error';
import { loadManifests } from './load';
import { locateFindings } from './locate';
import { answerJson, answerText, reachJson, reachText } from './reach-report';
import { LintReport, describe, explainJson, explainText, lintGithub, lintJson, lintText } from './report';
import { lintSarif } from './sarif';
import { ManifestEntry } from '../analysis/manifest';
import { MeshConfigError, withMeshConfig } from '../analysis/mesh-config';
import { ReachQueryError, askReach, scopesOf, workloadReachOf } from '../analysis/reach/reach-report';
import { meshScopes } from '../analysis/reach/workload-scope';
import { RunSettings, runAnalysis } from '../analysis/run';
import { WorkloadSelection, selectSidecars } from '../analysis/selection';
import { MeshSnapshot } from '../analysis/snapshot';
import type * as Convert from '../convert/convert';
import { generateCommand } from '../generate/command';
import { drawMesh } from '../graph/picture';
import { PictureFormat } from '../graph/picture-format';
import { toolInfo } from '../tool-info';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI and returns its exit code. Never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout(USAGE[parsed.command ?? 'main']);
      return EXIT_OK;
    }
    if (parsed.kind === 'version') {
      io.stdout(toolInfo().version);
      return EXIT_OK;
    }
    return run(parsed.options, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`cdk8s-istio-sidecar: ${error.message}`);
      return EXIT_USAGE;
    }
    io.stderr(`cdk8s-istio-sidecar: internal error: ${(error as Error)?.message ?? String(error)}; please report this bug`);
    return EXIT_USAGE;
  }
}

function run(cliOptions: CliOptions, io: CliIo): number {
  const input = loadManifests(cliOptions.paths, io.readStdin);
  let options: CliOptions & RunSettings;
  try {
    options = { ...cliOptions, ...withMeshConfig(cliOptions, input.entries, cliOptions.rootNamespaceGiven, '--root-namespace') };
  } catch (error) {
    if (error instanceof MeshConfigError) throw new InputError(error.message);
    throw error;
  }
  if (options.command === 'generate') {
    io.stdout(generateCommand({ ...options, traffic: options.traffic as string }, input.entries));
    return EXIT_OK;
  }
  if (options.command === 'convert') return convert(input.entries.map((e) => e.manifest), options, io);
  if (options.command === 'explain') {
    const mesh = new MeshSnapshot(input.entries, options);
    const { workloads } = selectSidecars(mesh);
    const sizes = new Map(meshScopes(mesh).scopes.map((s) => [s.selection, { hosts: s.hosts.size, visible: s.visibleHosts }]));
    const sizeOf = (s: WorkloadSelection) => sizes.get(s);
    io.stdout(options.format === 'json' ? explainJson(workloads, sizeOf) : [explainText(workloads, sizeOf), ...options.notes ?? []].join('\n'));
    return EXIT_OK;
  }
  if (options.command === 'reach') return reach(new MeshSnapshot(input.entries, options), options, io);
  if (options.command === 'graph') return graph(input.entries, options, io);
  const result = runAnalysis(input.entries, options);
  const report: LintReport = {
    result,
    positions: locateFindings(result.findings, input),
    resources: input.entries.length,
    files: input.files.length,
  };
  io.stdout(render(report, options.format));
  return result.blocking.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** convert: the module, or exit 2 when PATH holds nothing to convert. */
function convert(manifests: unknown[], options: CliOptions & RunSettings, io: CliIo): number {
  // Loaded here, not at the top: it brings the constructs and cdk8s, which lint must not pay for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ConversionError, convertToTypeScript, convertibleObjects } = require('../convert/convert') as typeof Convert;
  if (convertibleObjects(manifests).length === 0) {
    throw new InputError(`${options.paths.join(', ')} holds no Sidecar or ServiceEntry (networking.istio.io) to convert`);
  }
  try {
    io.stdout(convertToTypeScript(manifests, { rootNamespace: options.rootNamespace }).replace(/\n$/, ''));
  } catch (error) {
    if (error instanceof ConversionError) throw new InputError(error.message);
    throw error;
  }
  return EXIT_OK;
}

function reach(mesh: MeshSnapshot, options: CliOptions & RunSettings, io: CliIo): number {
  try {
    if (options.to !== undefined) {
      const result = askReach(mesh, options.from as string, options.to);
      io.stdout(options.format === 'json' ? answerJson(result) : answerText(result));
      return result.reachable ? EXIT_OK : EXIT_FINDINGS;
    }
    const scopes = scopesOf(mesh, options.from).map(workloadReachOf);
    const unproxied = options.from === undefined ? meshScopes(mesh).unproxied.map((s) => `${describe(s.workload.ref)}: no sidecar proxy (${s.reason})`) : [];
    writeLines(options.format === 'json' ? reachJson(scopes) : [...reachText(scopes, unproxied), ...options.notes ?? []], io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ReachQueryError) throw new InputError(error.message);
    throw error;
  }
}

/** graph: the picture on stdout, or in the --out file. */
function graph(entries: readonly ManifestEntry[], options: CliOptions & RunSettings, io: CliIo): number {
  let picture: string;
  try {
    picture = drawMesh({ entries, settings: options }, {
      format: options.format as PictureFormat,
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.collapseAbove !== undefined ? { collapseAbove: options.collapseAbove } : {}),
    });
  } catch (error) {
    if (error instanceof ReachQueryError) throw new InputError(error.message);
    throw error;
  }
  if (options.out === undefined) {
    io.stdout(picture.replace(/\n$/, ''));
    return EXIT_OK;
  }
  try {
    writeFileSync(options.out, picture);
  } catch (error) {
    throw new InputError(`cannot write --out "${options.out}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`);
  }
  return EXIT_OK;
}

/** Writes `lines` in pieces of a thousand: output of a large mesh never becomes one huge string. */
function writeLines(lines: readonly string[], io: CliIo): void {
  for (let i = 0; i < lines.length; i += 1000) io.stdout(lines.slice(i, i + 1000).join('\n'));
}

function render(report: LintReport, format: CliOptions['format']): string {
  switch (format) {
    case 'json': return lintJson(report);
    case 'sarif': return lintSarif(report, toolInfo());
    case 'github': return lintGithub(report);
    default: return lintText(report);
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) is no error of ours: stop quietly, with the run's exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
    readStdin: () => readFileSync(0, 'utf8'),
  });
}
