import { parseArgs as parseFlags } from 'util';
import { InputError } from './input-error';
import { Severity } from '../analysis/finding';
import { RegistryCompleteness } from '../analysis/registry-completeness';
import { RULE_PACKS, RulePack } from '../analysis/rule-pack';
import { SettingName, SettingsError, resolveRunSettings } from '../analysis/run';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE } from '../analysis/snapshot';
import { PICTURE_EXTENSIONS, PICTURE_FORMATS, PictureFormat, pictureFormatOfFile } from '../graph/picture-format';

export type Command = 'lint' | 'explain' | 'reach' | 'graph' | 'generate' | 'convert';
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'yaml' | 'typescript' | PictureFormat;

/** The output formats of each command. */
const FORMATS: { readonly [command in Command]: readonly OutputFormat[] } = {
  lint: ['text', 'json', 'sarif', 'github'],
  explain: ['text', 'json'],
  reach: ['text', 'json'],
  convert: ['text'],
  graph: PICTURE_FORMATS,
  generate: ['yaml', 'typescript'],
};

export interface CliOptions {
  readonly command: Command;
  readonly paths: string[];
  readonly rootNamespace: string;
  readonly clusterDomain: string;
  readonly format: OutputFormat;
  readonly failOn: Severity;
  readonly registry: RegistryCompleteness;
  /** `--root-namespace` was given: it wins over the `istio` ConfigMap of the input. */
  readonly rootNamespaceGiven: boolean;
  /** lint: the opt-in rule packs of `--pack`. */
  readonly rulePacks: RulePack[];
  /** lint: `--max-scope-hosts`, P-SCOPE-SIZE's threshold. */
  readonly maxScopeHosts: number;
  /** reach and graph: `--from NS/WORKLOAD`. */
  readonly from?: string;
  /** reach: `--to HOST[:PORT]`. */
  readonly to?: string;
  /** generate: `--traffic FILE`. */
  readonly traffic?: string;
  /** graph: `--collapse-above N`. */
  readonly collapseAbove?: number;
  /** graph: `--out FILE`, written instead of stdout. */
  readonly out?: string;
}

/** What `main` should do: run a command, or print help or the version. */
export type ParsedArgs = { readonly kind: 'run'; readonly options: CliOptions } | { readonly kind: 'help'; readonly command?: Command } | { readonly kind: 'version' };

const ROOT_NAMESPACE_HELP = [
  '  --root-namespace NS   the mesh root namespace (MeshConfig rootNamespace; default: the input\'s',
  `                        istio ConfigMap, else ${DEFAULT_ROOT_NAMESPACE})`,
].join('\n');
const CLUSTER_DOMAIN_HELP = `  --cluster-domain D    the cluster's DNS domain, for Service host names (default ${DEFAULT_CLUSTER_DOMAIN})`;
const OUTBOUND_POLICY_HELP = [
  '  --outbound-policy M   the mesh\'s outbound traffic policy, REGISTRY_ONLY or ALLOW_ANY, for Sidecars',
  '                        without their own (default: the input\'s istio ConfigMap, else unknown; reach',
  '                        then assumes Istio\'s default, ALLOW_ANY, and says so)',
].join('\n');

export const USAGE: { readonly [command in Command | 'main']: string } = {
  main: [
    'Usage: cdk8s-istio-sidecar <command> [options] PATH...',
    '',
    'Judges Istio Sidecars in Kubernetes YAML with the rules cdk8s-istio-sidecar runs at synth.',
    '',
    'Commands:',
    '  lint     report what Istio would reject or warn about, and more (exit 1 on findings)',
    '  explain  print which Sidecar istiod applies to each workload, and why',
    '  reach    print what each workload\'s proxy can reach, or answer whether one workload reaches a host',
    '  graph    print a picture of the mesh (Graphviz dot or Mermaid): Sidecars, scopes, declared calls',
    '  convert  print TypeScript that recreates the Sidecars and ServiceEntries in PATH with this library\'s constructs',
    '  generate print least-privilege Sidecars for the workloads in PATH from observed traffic',
    '',
    'PATH is a YAML file, a directory (its *.yaml and *.yml files, recursively) or - for stdin.',
    'Run `cdk8s-istio-sidecar <command> --help` for the options of a command.',
    '',
    'Options:',
    '  -h, --help     show help',
    '  -v, --version  show the version',
  ].join('\n'),
  lint: [
    'Usage: cdk8s-istio-sidecar lint [--root-namespace NS] [--cluster-domain D] [--outbound-policy REGISTRY_ONLY|ALLOW_ANY] [--registry complete|partial] [--format text|json|sarif|github] [--fail-on error|warning|info] [--pack P]... [--max-scope-hosts N] PATH...',
    '',
    'Reports every finding about the Sidecars in PATH. Exit code: 0 when no finding reaches',
    '--fail-on, 1 when one does, 2 on a usage error, input that cannot be read, or a directory PATH',
    'with no YAML file in it. Each finding gives the file, line and column of its field.',
    '',
    'Options:',
    ROOT_NAMESPACE_HELP,
    CLUSTER_DOMAIN_HELP,
    OUTBOUND_POLICY_HELP,
    '  --registry complete|partial  complete: PATH is the whole registry (a cluster export), so a host',
    '                        or selector it does not hold is reported even when it holds no Service or',
    '                        workload; partial (default): PATH may be part of it',
    '  --format F            output format: text (default; file:line:col: severity RULE-ID: message),',
    '                        json, sarif (SARIF 2.1.0, for code scanning) or github (workflow-command',
    '                        annotations, for a GitHub Actions step)',
    '  --fail-on error|warning|info  the least severe finding that fails the run (default error)',
    `  --pack P              also run the opt-in rule pack P (${RULE_PACKS.join(', ')}); repeat it or`,
    '                        separate packs with commas (default: none; docs/RULES.md lists their rules)',
    '  --max-scope-hosts N   P-SCOPE-SIZE (least-privilege pack): report a scope of more than N hosts (default 100)',
    '  -h, --help            show this help',
  ].join('\n'),
  explain: [
    'Usage: cdk8s-istio-sidecar explain [--root-namespace NS] [--cluster-domain D] [--format text|json] PATH...',
    '',
    'Prints, for each workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob)',
    'in PATH, which Sidecar istiod applies and why, and the size of its scope ("12 of 480 hosts").',
    'Honours metadata.creationTimestamp (oldest wins).',
    '',
    'Options:',
    ROOT_NAMESPACE_HELP,
    CLUSTER_DOMAIN_HELP,
    '  --format text|json    output format (default text)',
    '  -h, --help            show this help',
  ].join('\n'),
  reach: [
    'Usage: cdk8s-istio-sidecar reach [--root-namespace NS] [--cluster-domain D] [--outbound-policy REGISTRY_ONLY|ALLOW_ANY]',
    '                                 [--from NS/WORKLOAD] [--to HOST[:PORT]] [--format text|json] PATH...',
    '',
    'Without --to: prints the scope of every workload in PATH (or of --from): the hosts and ports its',
    'proxy is configured for, as istiod builds it from the Sidecar that applies. With --from and --to:',
    'answers whether that workload reaches HOST (on PORT), naming the Sidecar, the listener and the',
    'egress host that serve it, or why not and what to add. Exit code: 0 when reachable, 1 when not',
    '(calls passed through under ALLOW_ANY count as reachable: the reason says they leave the mesh),',
    '2 on a usage error.',
    '',
    'Options:',
    ROOT_NAMESPACE_HELP,
    CLUSTER_DOMAIN_HELP,
    OUTBOUND_POLICY_HELP,
    '  --from NS/WORKLOAD    the workload (NS/NAME, or NS/KIND/NAME when names clash)',
    '  --to HOST[:PORT]      the host: a Service ("reviews", "reviews.bookinfo", its FQDN) or an external host',
    '  --format text|json    output format (default text)',
    '  -h, --help            show this help',
  ].join('\n'),
  generate: [
    'Usage: cdk8s-istio-sidecar generate --traffic FILE [--cluster-domain D] [--format yaml|typescript] PATH...',
    '',
    'Prints one Sidecar per workload of PATH seen calling others in FILE, whose egress imports exactly',
    'the hosts it called and istio-system/*. FILE is a Prometheus query result in its JSON API form',
    '(sum by (source_workload, source_workload_namespace, destination_service,',
    'destination_service_namespace) (istio_requests_total), or istio_tcp_connections_opened_total) or a',
    'Kiali graph export (workload graph with service nodes); the shape tells which. Sources are matched',
    'to workloads by name and namespace, destinations to the Services and ServiceEntries of PATH; what',
    'does not match is listed in comments at the top, never guessed. Exit code: 0, or 2 on a usage',
    'error, input that cannot be read, or a FILE of neither shape (naming the field at fault).',
    '',
    'Options:',
    '  --traffic FILE        the traffic export (JSON)',
    `  --cluster-domain D    the cluster's DNS domain, for Service host names (default ${DEFAULT_CLUSTER_DOMAIN})`,
    '  --format yaml|typescript  output format: yaml (default; Sidecar manifests) or typescript (a',
    '                        construct of WorkloadSidecars, to keep as code)',
    '  -h, --help            show this help',
  ].join('\n'),
  graph: [
    'Usage: cdk8s-istio-sidecar graph [--root-namespace NS] [--cluster-domain D] [--outbound-policy REGISTRY_ONLY|ALLOW_ANY]',
    '                                 [--from NS/WORKLOAD] [--collapse-above N] [--format dot|mermaid|svg|html]',
    '                                 [--out FILE] PATH...',
    '',
    'Prints a picture of the mesh in PATH: namespaces as clusters, each workload with the Sidecar it',
    'gets and how, an edge to each namespace or host its scope imports (a whole-namespace import as',
    'one "ns/*" node), and its declared calls: green when served, orange dashed when passed through',
    'under ALLOW_ANY, red when blocked. dot is Graphviz source; svg is that graph drawn by Graphviz',
    '(built in, no system binary); mermaid is a flowchart GitHub renders in Markdown; html is one',
    'self-contained page with the picture, the findings with links to their rules, and each workload\'s',
    'scope. Exit code: 0, or 2 on a usage error or input that cannot be read.',
    '',
    'Options:',
    ROOT_NAMESPACE_HELP,
    CLUSTER_DOMAIN_HELP,
    OUTBOUND_POLICY_HELP,
    '  --from NS/WORKLOAD    draw only this workload (NS/NAME or NS/KIND/NAME), its imports and calls',
    '  --collapse-above N    draw a namespace with more than N workloads as one node, and one with more',
    '                        than N hosts drawn as one node (default 20)',
    '  --format F            dot, mermaid, svg or html (default: by the extension of --out, else dot)',
    `  --out FILE            write the picture to FILE instead of stdout (${PICTURE_EXTENSIONS.join(' ')})`,
    '  -h, --help            show this help',
  ].join('\n'),
  convert: [
    'Usage: cdk8s-istio-sidecar convert [--root-namespace NS] PATH...',
    '',
    'Prints a TypeScript module that recreates every Sidecar and ServiceEntry in PATH with the',
    'constructs of cdk8s-istio-sidecar: the pattern that renders each Sidecar exactly',
    '(MeshDefaultSidecar, NamespaceDefaultSidecar, WorkloadSidecar, NoIptablesSidecar,',
    'PartialIptablesSidecar), else Sidecar, else (for what the typed model cannot express) a raw',
    'ApiObject with a comment saying why. It exports one function per namespace that adds the',
    'namespace\'s objects to a chart, and is a cdk8s app when run (ts-node): one chart per namespace,',
    'into CDK8S_OUTDIR (default dist). Suppress annotations become RuleSuppressions.add calls; errors',
    'and warnings of lint are comments at their field. Exit code: 0, or 2 on a usage error, input that',
    'cannot be read, or a PATH without any Sidecar or ServiceEntry.',
    '',
    'Options:',
    '  --root-namespace NS   the mesh root namespace (MeshConfig rootNamespace; default: the input\'s',
    `                        istio ConfigMap, else ${DEFAULT_ROOT_NAMESPACE}): its selector-less "default"`,
    '                        Sidecar becomes a MeshDefaultSidecar',
    '  -h, --help            show this help',
  ].join('\n'),
};

type FlagSpec = { readonly [flag: string]: { readonly type: 'string' | 'boolean'; readonly short?: string; readonly multiple?: boolean } };

/** The flags of each command, as `util.parseArgs` reads them. */
const FLAGS: { readonly [command in Command]: FlagSpec } = {
  lint: {
    'root-namespace': { type: 'string' },
    'cluster-domain': { type: 'string' },
    'outbound-policy': { type: 'string' },
    'format': { type: 'string' },
    'fail-on': { type: 'string' },
    'registry': { type: 'string' },
    'pack': { type: 'string', multiple: true },
    'max-scope-hosts': { type: 'string' },
    'help': { type: 'boolean', short: 'h' },
  },
  explain: {
    'root-namespace': { type: 'string' },
    'cluster-domain': { type: 'string' },
    'format': { type: 'string' },
    'help': { type: 'boolean', short: 'h' },
  },
  reach: {
    'root-namespace': { type: 'string' },
    'cluster-domain': { type: 'string' },
    'outbound-policy': { type: 'string' },
    'from': { type: 'string' },
    'to': { type: 'string' },
    'format': { type: 'string' },
    'help': { type: 'boolean', short: 'h' },
  },
  generate: {
    'traffic': { type: 'string' },
    'cluster-domain': { type: 'string' },
    'format': { type: 'string' },
    'help': { type: 'boolean', short: 'h' },
  },
  convert: {
    'root-namespace': { type: 'string' },
    'help': { type: 'boolean', short: 'h' },
  },
  graph: {
    'root-namespace': { type: 'string' },
    'cluster-domain': { type: 'string' },
    'outbound-policy': { type: 'string' },
    'from': { type: 'string' },
    'collapse-above': { type: 'string' },
    'format': { type: 'string' },
    'out': { type: 'string' },
    'help': { type: 'boolean', short: 'h' },
  },
};

const FLAG_OF_SETTING: { readonly [name in SettingName]: string } = {
  rootNamespace: '--root-namespace',
  clusterDomain: '--cluster-domain',
  failOn: '--fail-on',
  registry: '--registry',
  outboundTrafficPolicy: '--outbound-policy',
  rulePacks: '--pack',
  maxScopeHosts: '--max-scope-hosts',
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first !== 'lint' && first !== 'explain' && first !== 'reach' && first !== 'graph' && first !== 'generate' && first !== 'convert') {
    throw new InputError(`unknown command "${first}": expected "lint", "explain", "reach", "graph", "generate" or "convert"`);
  }
  const command: Command = first;

  let parsed: { values: { [flag: string]: string | string[] | boolean | undefined }; positionals: string[] };
  try {
    parsed = parseFlags({ args: [...rest], options: FLAGS[command], allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new InputError(`${flagProblem(error, command)}; see \`cdk8s-istio-sidecar ${command} --help\``);
  }
  const { values, positionals: paths } = parsed;
  if (values.help) return { kind: 'help', command };
  for (const [flag, value] of Object.entries(values)) {
    if (value === '' || (Array.isArray(value) && value.includes(''))) throw new InputError(`--${flag} needs a value`);
  }
  const out = values.out as string | undefined;
  if (out !== undefined && values.format === undefined && pictureFormatOfFile(out) === undefined) {
    throw new InputError(`--out "${out}" does not say the format by its extension (${PICTURE_EXTENSIONS.join(', ')}): name the file so, or give --format`);
  }
  const defaultFormat: OutputFormat = command === 'generate' ? 'yaml' : command === 'graph' ? (out !== undefined ? pictureFormatOfFile(out)! : 'dot') : 'text';
  const format = ((values.format as string | undefined) ?? defaultFormat) as OutputFormat;
  const formats = FORMATS[command];
  if (!formats.includes(format)) {
    throw new InputError(`--format must be ${formats.slice(0, -1).map((f) => `"${f}"`).join(', ')} or "${formats[formats.length - 1]}", not "${format}"`);
  }
  let settings;
  try {
    settings = resolveRunSettings(
      {
        rootNamespace: values['root-namespace'],
        clusterDomain: values['cluster-domain'],
        failOn: values['fail-on'],
        registry: values.registry,
        outboundTrafficPolicy: values['outbound-policy'],
        rulePacks: ((values.pack as string[] | undefined) ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()),
        maxScopeHosts: wholeNumber(values['max-scope-hosts'] as string | undefined),
      },
      (name) => FLAG_OF_SETTING[name],
    );
  } catch (error) {
    if (error instanceof SettingsError) throw new InputError(error.message);
    throw error;
  }
  if (paths.length === 0) throw new InputError(`${command} needs at least one PATH (a YAML file, a directory, or - for stdin)`);
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (to !== undefined && from === undefined) throw new InputError('--to needs --from: the workload whose proxy makes the call, e.g. --from bookinfo/productpage');
  const traffic = values.traffic as string | undefined;
  if (command === 'generate' && traffic === undefined) throw new InputError('generate needs --traffic FILE: a Prometheus query result or a Kiali graph export (JSON)');
  const collapse = values['collapse-above'] as string | undefined;
  if (collapse !== undefined && !/^\d+$/.test(collapse)) throw new InputError(`--collapse-above "${collapse}" is invalid: expected a whole number of workloads, e.g. 20`);
  const collapseAbove = collapse === undefined ? {} : { collapseAbove: Number(collapse) };
  return {
    kind: 'run',
    options: { command, paths, format, ...settings, rootNamespaceGiven: values['root-namespace'] !== undefined, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(traffic !== undefined ? { traffic } : {}), ...collapseAbove, ...(out !== undefined ? { out } : {}) },
  };
}

/** A flag's number as written ("100" is 100); anything else as written, for the settings to reject. */
function wholeNumber(value: string | undefined): number | string | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
}

/** util.parseArgs's errors, said in this CLI's words (its own name them by code). */
function flagProblem(error: unknown, command: Command): string {
  const { code, message } = error as { code?: string; message?: string };
  // Node quotes the option as written ('--bogus') or as declared ('-h, --help', '--format <value>').
  const option = /'(?:-\w, )?(-{1,2}[^' ]+)/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option ?? message}" for ${command}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message ?? '')) return `${option ?? 'an option'} needs a value`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(message ?? '')) return `${option ?? 'an option'} takes no value`;
  // Anything else (a value that starts with "-", say): Node's own words say what to write.
  return message ?? String(error);
}
