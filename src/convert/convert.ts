// Internal: the conversion of manifests into a TypeScript module, which `SidecarConversion` and
// the CLI's `convert` command share. Every Sidecar and ServiceEntry becomes one statement in the
// function of its namespace; the module ends with a cdk8s app that calls each function with a
// chart of its namespace.
import { ImportSource, Node, Unsupported, importsOf, lit, nodeFor } from './code';
import { commentLines, quote, statement } from './code-writer';
import { Candidate, ObjectCode, checkCandidate, metadataParts, rawCandidate } from './object-code';
import { sidecarCandidates, serviceEntryCandidates } from './sidecar-code';
import { Json, isJsonObject } from './value-code';
import { analyze } from '../analysis/engine';
import { Finding, Severity } from '../analysis/finding';
import { SettingsError, resolveRunSettings } from '../analysis/run';
import { DEFAULT_ROOT_NAMESPACE } from '../analysis/snapshot';

/** The options of a conversion; see `SidecarConversionOptions` for their documentation. */
export interface ConvertOptions {
  readonly rootNamespace?: string;
  readonly importFrom?: string;
}

/** A conversion that cannot start: bad options. */
export class ConversionError extends Error {}

/** One object of the input, converted. */
interface Converted {
  readonly manifest: Json;
  readonly namespace?: string;
  readonly code: ObjectCode;
  readonly findings: Finding[];
}

const CONVERTED_KINDS = ['Sidecar', 'ServiceEntry'];

/** The Sidecars and ServiceEntries of `manifests` (a `kind: List` counts by its items). */
export function convertibleObjects(manifests: readonly unknown[]): Json[] {
  const flat = manifests.flatMap((m) => (isJsonObject(m) && m.kind === 'List' && Array.isArray(m.items) ? m.items : [m]));
  return flat.filter((m): m is Json => isJsonObject(m) && CONVERTED_KINDS.includes(m.kind as string)
    && typeof m.apiVersion === 'string' && m.apiVersion.startsWith('networking.istio.io/'));
}

/** The TypeScript module that recreates every Sidecar and ServiceEntry of `manifests`. */
export function convertToTypeScript(manifests: readonly unknown[], options: ConvertOptions = {}): string {
  let rootNamespace: string;
  try {
    rootNamespace = resolveRunSettings({ rootNamespace: options.rootNamespace }, (name) => name).rootNamespace;
  } catch (error) {
    if (error instanceof SettingsError) throw new ConversionError(error.message);
    throw error;
  }
  const importFrom = options.importFrom ?? 'cdk8s-istio-sidecar';
  const objects = convertibleObjects(manifests);
  const flat = manifests.flatMap((m) => (isJsonObject(m) && m.kind === 'List' && Array.isArray(m.items) ? m.items : [m]));
  const findings = analyze(flat.map((manifest) => ({ manifest })), { rootNamespace })
    .filter((f) => f.suppressedReason === undefined && (f.severity === Severity.ERROR || f.severity === Severity.WARNING));
  const skipped: string[] = [];
  const converted: Converted[] = [];
  for (const manifest of objects) {
    const notes: string[] = [];
    let meta;
    try {
      meta = metadataParts(manifest, notes);
    } catch (error) {
      skipped.push(`${manifest.kind} ${describeName(manifest)}: ${(error as Error).message}`);
      continue;
    }
    const code = chooseCode(manifest, meta, rootNamespace, notes);
    const mine = findings.filter((f) => f.resource.kind === manifest.kind && f.resource.name === meta.name
      && f.resource.namespace === meta.namespace);
    converted.push({ manifest, namespace: meta.namespace, code, findings: mine });
  }
  return writeModule(converted, skipped, rootNamespace, importFrom);
}

function describeName(manifest: Json): string {
  const metadata = isJsonObject(manifest.metadata) ? manifest.metadata : {};
  return `${metadata.namespace ?? '(no namespace)'}/${metadata.name ?? '(no name)'}`;
}

/** The first candidate that renders the input exactly; else the raw ApiObject, with why. */
function chooseCode(manifest: Json, meta: ReturnType<typeof metadataParts>, rootNamespace: string, notes: string[]): ObjectCode {
  let candidates: Candidate[];
  let reason: string | undefined;
  try {
    candidates = manifest.kind === 'Sidecar' ? sidecarCandidates(manifest, meta, rootNamespace) : serviceEntryCandidates(manifest, meta);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    candidates = [];
    reason = `the typed model cannot express ${error.path}: ${error.reason}`;
  }
  for (const candidate of candidates) {
    const difference = checkCandidate(candidate, manifest, rootNamespace);
    if (difference === undefined) return { ...candidate, notes };
    // The generic construct's reason is the one worth telling.
    if (candidate.className === manifest.kind) reason = `a ${candidate.className} ${difference}`;
  }
  const raw = rawCandidate(manifest, meta);
  const rawDifference = checkCandidate(raw, manifest, rootNamespace);
  return {
    ...raw,
    notes: [
      ...notes,
      `A raw ApiObject, not a ${manifest.kind}: ${reason ?? 'no typed construct renders it exactly'}.`,
      ...(rawDifference === undefined ? [] : [`Note: even so, it ${rawDifference} (cdk8s leaves out null values).`]),
    ],
  };
}

/** `prodUs1` for `prod-us1`. */
function camel(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(joined) || joined === '' ? `n${joined}` : joined;
}

function unique(wanted: string, used: Set<string>, separator: string): string {
  let name = wanted;
  for (let i = 2; used.has(name); i++) name = `${wanted}${separator}${i}`;
  used.add(name);
  return name;
}

function findingComment(finding: Finding, atStatement: boolean): string {
  const where = atStatement && finding.path ? ` (at ${finding.path})` : '';
  return `${finding.severity} ${finding.ruleId}: ${finding.message}${where}`;
}

function objectStatements(object: Converted, ids: Set<string>, variables: Set<string>): string {
  const kind = object.manifest.kind as string;
  const meta = isJsonObject(object.manifest.metadata) ? object.manifest.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : kind.toLowerCase();
  const id = unique(ids.has(name) ? `${name}-${kind.toLowerCase()}` : name, ids, '-');
  const { code } = object;
  const propsNode: Node = { ...code.props.node };
  const comments = [...code.notes];
  for (const finding of object.findings) {
    const node = finding.path ? nodeFor(propsNode, finding.path) : undefined;
    if (node && node !== propsNode) {
      node.comments = [...(node.comments ?? []), findingComment(finding, false)];
    } else {
      comments.push(findingComment(finding, true));
    }
  }
  const from: ImportSource = code.className === 'ApiObject' ? 'cdk8s' : 'library';
  const construct: Node = {
    t: 'call', isNew: true, callee: { t: 'ref', name: code.className, from }, args: [{ t: 'ref', name: 'chart' }, lit(id).node, ...(isEmpty(propsNode) ? [] : [propsNode])], comments,
  };
  if (code.suppressions.length === 0) return statement(construct, '  ');
  const variable = unique(`${camel(name)}${kind}`, variables, '');
  return [
    statement(construct, '  ', `const ${variable} = `),
    ...code.suppressions.map((s) => `  RuleSuppressions.add(${variable}, ${quote(s.ruleId)}, ${quote(s.reason)});`),
  ].join('\n');
}

/** `{}` without comments: props a person would leave out. */
function isEmpty(node: Node): boolean {
  return node.t === 'obj' && node.entries.length === 0 && !(node.comments && node.comments.length > 0);
}

function importLine(names: readonly string[], from: string): string {
  const one = `import { ${names.join(', ')} } from ${quote(from)};`;
  if (one.length <= 120) return one;
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    if (line && 2 + line.length + 2 + name.length + 1 > 120) {
      lines.push(`  ${line},`);
      line = name;
    } else {
      line = line ? `${line}, ${name}` : name;
    }
  }
  lines.push(`  ${line},`);
  return `import {\n${lines.join('\n')}\n} from ${quote(from)};`;
}

function writeModule(objects: readonly Converted[], skipped: readonly string[], rootNamespace: string, importFrom: string): string {
  const byNamespace = new Map<string, Converted[]>();
  for (const object of objects) {
    const key = object.namespace ?? '';
    byNamespace.set(key, [...(byNamespace.get(key) ?? []), object]);
  }
  const namespaces = [...byNamespace.keys()].sort();
  const imports: { [source in ImportSource]: Set<string> } = { library: new Set(), cdk8s: new Set(['App', 'Chart']) };
  const functionNames = new Set<string>();
  const functions: Array<{ name: string; namespace: string; text: string }> = [];
  for (const namespace of namespaces) {
    const members = byNamespace.get(namespace)!;
    const name = unique(`add${namespace ? camel(namespace).replace(/^./, (c) => c.toUpperCase()) : 'Unnamespaced'}`, functionNames, '');
    const ids = new Set<string>();
    const variables = new Set<string>(['chart']);
    const statements = members.map((m) => objectStatements(m, ids, variables));
    for (const m of members) {
      importsOf(m.code.props.node, imports);
      imports[m.code.className === 'ApiObject' ? 'cdk8s' : 'library'].add(m.code.className);
      if (m.code.suppressions.length > 0) imports.library.add('RuleSuppressions');
    }
    const kinds = summary(members);
    const doc = namespace
      ? `/** Adds the objects of namespace ${namespace} to \`chart\`: ${kinds}. */`
      : `/** Adds the objects without a namespace (kubectl puts them in its current one) to \`chart\`: ${kinds}. */`;
    functions.push({ name, namespace, text: `${doc}\nexport function ${name}(chart: Chart): void {\n${statements.join('\n')}\n}` });
  }
  const configure = rootNamespace !== DEFAULT_ROOT_NAMESPACE;
  if (configure) imports.library.add('IstioMesh');
  const sort = (set: Set<string>) => [...set].sort();
  const header = [
    `Generated by \`cdk8s-istio-sidecar convert\` from ${summary(objects)}${objects.length === 0 ? ' (none found)' : ''}. `
    + 'Run it (e.g. with `npx ts-node`) to synthesize one chart per namespace into CDK8S_OUTDIR (default dist), '
    + 'or call a namespace\'s function with a chart of an existing app.',
    ...(skipped.length > 0 ? ['Not converted:', ...skipped.map((s) => `- ${s}`)] : []),
  ];
  const app = [
    'if (require.main === module) {',
    '  const app = new App();',
    ...(configure ? [`  IstioMesh.configure(app, { rootNamespace: ${quote(rootNamespace)} });`] : []),
    ...functions.map((f) => (f.namespace
      ? `  ${f.name}(new Chart(app, ${quote(f.namespace)}, { namespace: ${quote(f.namespace)} }));`
      : `  ${f.name}(new Chart(app, 'no-namespace'));`)),
    '  app.synth();',
    '}',
  ];
  return [
    ...header.flatMap((line) => commentLines(line, '')),
    importLine(sort(imports.cdk8s), 'cdk8s'),
    ...(imports.library.size > 0 ? [importLine(sort(imports.library), importFrom)] : []),
    '',
    ...functions.flatMap((f) => [f.text, '']),
    ...app,
    '',
  ].join('\n');
}

function summary(objects: readonly Converted[]): string {
  const count = (kind: string, plural: string) => {
    const n = objects.filter((o) => o.manifest.kind === kind).length;
    return n === 0 ? undefined : `${n} ${n === 1 ? kind : plural}`;
  };
  const parts = [count('Sidecar', 'Sidecars'), count('ServiceEntry', 'ServiceEntries')].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' and ') : 'no Sidecar or ServiceEntry';
}
