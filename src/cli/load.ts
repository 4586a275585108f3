import { lstatSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { Composer, LineCounter, Parser } from 'yaml';
import { InputError } from './input-error';
import { ManifestEntry, isObject } from '../analysis/manifest';

/** What the CLI read: one entry per Kubernetes object, with the file it came from. */
export interface LoadedInput {
  readonly entries: ManifestEntry[];
  readonly files: string[];
}

/** Aliases may repeat a node at most this often: a "billion laughs" file stops here. */
const MAX_ALIAS_COUNT = 1000;
/**
 * Documents with aliases may expand to at most this many values per character of their file
 * (plus a floor): one large node aliased 999 times passes MAX_ALIAS_COUNT, yet would have the
 * engine walk it 999 times.
 */
const MAX_VALUES_PER_CHARACTER = 10;
const MIN_VALUE_BUDGET = 100_000;
const STDIN = '-';

/**
 * Reads every PATH (a YAML file, a directory searched recursively for *.yaml and *.yml, or `-`
 * for standard input). Multi-document files and `kind: List` objects are expanded. Any
 * unreadable input throws an InputError naming the file (and line): nothing is half-read.
 */
export function loadManifests(paths: readonly string[], readStdin: () => string): LoadedInput {
  const files = paths.flatMap((p) => (p === STDIN ? [STDIN] : expand(p)));
  const entries: ManifestEntry[] = [];
  for (const file of files) {
    const text = file === STDIN ? readStdin() : readText(file);
    for (const manifest of parseYaml(text, file === STDIN ? '<stdin>' : file)) {
      entries.push({ manifest, location: file === STDIN ? '<stdin>' : file });
    }
  }
  return { entries, files };
}

function expand(path: string): string[] {
  let stat;
  try {
    // A PATH given by the user is followed when it is a symbolic link.
    stat = statSync(path);
  } catch {
    throw new InputError(`cannot read "${path}": no such file or directory`);
  }
  return stat.isDirectory() ? walk(path) : [path];
}

/** The *.yaml and *.yml files below `dir`, sorted so output is the same on every machine. */
function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const child = join(dir, name);
    const link = lstatSync(child);
    // Linked files are read; linked directories are not followed (no loops).
    if (link.isDirectory()) return walk(child);
    if (!/\.ya?ml$/i.test(name)) return [];
    return link.isFile() || (link.isSymbolicLink() && isFile(child)) ? [child] : [];
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read "${file}": ${(error as Error).message}`);
  }
}

/**
 * The Kubernetes objects of one YAML text; empty documents and non-Kubernetes mappings are skipped.
 * Documents are composed one at a time and dropped once converted, so a large multi-document
 * file never holds more than one document's syntax tree.
 */
export function parseYaml(text: string, file: string): unknown[] {
  const lines = new LineCounter();
  const documents = new Composer().compose(new Parser(lines.addNewLine).parse(text));
  const result: unknown[] = [];
  const limit = MAX_VALUES_PER_CHARACTER * text.length + MIN_VALUE_BUDGET;
  let budget = limit;
  let index = 0;
  for (const document of documents) {
    index++;
    const error = document.errors[0];
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      // The parser recurses per level of nesting and reports running out of stack as a YAML error.
      const reason = /call stack/i.test(error.message) ? 'it is nested too deeply to read (hundreds of levels)' : firstLine(error.message);
      throw new InputError(`${file}:${line}:${col}: invalid YAML: ${reason}`);
    }
    let value: unknown;
    let aliased = false;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT, onAnchor: (_, count) => { aliased ||= count > 1; } });
    } catch (e) {
      throw new InputError(`${file}: document ${index} cannot be read: ${firstLine((e as Error).message)}`);
    }
    if (aliased && (budget -= countValues(value, budget)) < 0) {
      throw new InputError(`${file}: document ${index} cannot be read: its aliases expand the file to more than ${limit} values; write the repeated parts out`);
    }
    if (value === null || value === undefined) continue;
    if (!isObject(value)) {
      throw new InputError(`${file}: document ${index} is not a Kubernetes object (expected a mapping with apiVersion and kind)`);
    }
    // Not push(...items): a List of a few hundred thousand items would overflow the call stack.
    for (const item of expandList(value)) result.push(item);
  }
  return result;
}

/** `kind: List` (what `kubectl get -o yaml` prints) holds its objects in `items`. */
function expandList(value: { [key: string]: unknown }): unknown[] {
  if (value.kind === 'List' && Array.isArray(value.items)) return value.items.filter(isObject);
  return typeof value.kind === 'string' && typeof value.apiVersion === 'string' ? [value] : [];
}

/** The values in `value`, an aliased one counted at every place it appears; stops past `cap`. */
function countValues(value: unknown, cap: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= cap) {
    const item = stack.pop();
    count++;
    if (Array.isArray(item)) for (const child of item) stack.push(child);
    else if (isObject(item)) for (const child of Object.values(item)) stack.push(child);
  }
  return count;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
