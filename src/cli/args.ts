import { InputError } from './input-error';
import { Severity } from '../analysis/finding';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE } from '../analysis/snapshot';
import { fqdnProblem, namespaceNameProblem } from '../analysis/syntax/dns';

export type Command = 'lint' | 'explain';
export type OutputFormat = 'text' | 'json';

export interface CliOptions {
  readonly command: Command;
  readonly paths: string[];
  readonly rootNamespace: string;
  readonly clusterDomain: string;
  readonly format: OutputFormat;
  readonly failOn: Severity;
}

/** What `main` should do: run a command, or print help or the version. */
export type ParsedArgs = { readonly kind: 'run'; readonly options: CliOptions } | { readonly kind: 'help'; readonly command?: Command } | { readonly kind: 'version' };

export const USAGE: { readonly [command in Command | 'main']: string } = {
  main: [
    'Usage: cdk8s-istio-sidecar <command> [options] PATH...',
    '',
    'Judges Istio Sidecars in Kubernetes YAML with the rules cdk8s-istio-sidecar runs at synth.',
    '',
    'Commands:',
    '  lint     report what Istio would reject or warn about, and more (exit 1 on findings)',
    '  explain  print which Sidecar istiod applies to each workload, and why',
    '',
    'PATH is a YAML file, a directory (its *.yaml and *.yml files, recursively) or - for stdin.',
    'Run `cdk8s-istio-sidecar <command> --help` for the options of a command.',
    '',
    'Options:',
    '  -h, --help     show help',
    '  -v, --version  show the version',
  ].join('\n'),
  lint: [
    'Usage: cdk8s-istio-sidecar lint [--root-namespace NS] [--cluster-domain D] [--format text|json] [--fail-on error|warning] PATH...',
    '',
    'Reports every finding about the Sidecars in PATH. Exit code: 0 when no finding reaches',
    '--fail-on, 1 when one does, 2 on a usage error or input that cannot be read.',
    '',
    'Options:',
    `  --root-namespace NS   the mesh root namespace (MeshConfig rootNamespace; default ${DEFAULT_ROOT_NAMESPACE})`,
    `  --cluster-domain D    the cluster's DNS domain, for Service host names (default ${DEFAULT_CLUSTER_DOMAIN})`,
    '  --format text|json    output format (default text)',
    '  --fail-on error|warning  the least severe finding that fails the run (default error)',
    '  -h, --help            show this help',
  ].join('\n'),
  explain: [
    'Usage: cdk8s-istio-sidecar explain [--root-namespace NS] [--format text|json] PATH...',
    '',
    'Prints, for each workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob)',
    'in PATH, which Sidecar istiod applies and why. Honours metadata.creationTimestamp (oldest wins).',
    '',
    'Options:',
    `  --root-namespace NS   the mesh root namespace (MeshConfig rootNamespace; default ${DEFAULT_ROOT_NAMESPACE})`,
    '  --format text|json    output format (default text)',
    '  -h, --help            show this help',
  ].join('\n'),
};

const FAIL_ON: { readonly [name: string]: Severity } = { error: Severity.ERROR, warning: Severity.WARNING };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first !== 'lint' && first !== 'explain') throw new InputError(`unknown command "${first}": expected "lint" or "explain"`);
  const command: Command = first;

  const paths: string[] = [];
  let rootNamespace = DEFAULT_ROOT_NAMESPACE;
  let clusterDomain = DEFAULT_CLUSTER_DOMAIN;
  let format: OutputFormat = 'text';
  let failOn = Severity.ERROR;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help', command };
    if (arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      const v = eq < 0 ? rest[++i] : arg.slice(eq + 1);
      if (v === undefined || v === '') throw new InputError(`${name} needs a value`);
      return v;
    };
    if (name === '--root-namespace') {
      rootNamespace = value();
      const problem = namespaceNameProblem(rootNamespace);
      if (problem) throw new InputError(`--root-namespace ${JSON.stringify(rootNamespace)} is invalid: ${problem}`);
    } else if (name === '--cluster-domain' && command === 'lint') {
      clusterDomain = value();
      const problem = fqdnProblem(clusterDomain);
      if (problem) throw new InputError(`--cluster-domain ${JSON.stringify(clusterDomain)} is invalid: ${problem}`);
    } else if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new InputError(`--format must be "text" or "json", not "${v}"`);
      format = v;
    } else if (name === '--fail-on' && command === 'lint') {
      const v = value();
      if (!(v in FAIL_ON)) throw new InputError(`--fail-on must be "error" or "warning", not "${v}"`);
      failOn = FAIL_ON[v];
    } else {
      throw new InputError(`unknown option "${arg}" for ${command}; see \`cdk8s-istio-sidecar ${command} --help\``);
    }
  }
  if (paths.length === 0) throw new InputError(`${command} needs at least one PATH (a YAML file, a directory, or - for stdin)`);
  return { kind: 'run', options: { command, paths, rootNamespace, clusterDomain, format, failOn } };
}
