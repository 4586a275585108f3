import { lstatSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import * as jsYaml from 'js-yaml';
import { InputError } from './input-error';
import { NOT_PARSED, ParallelParse } from './parallel-parse';
import { JsonObject, ManifestEntry, isObject } from '../analysis/manifest';

/** Where one document was written: a slice of one of the input files. */
export interface DocumentSpan {
  /** Index into LoadedInput.sources. */
  readonly source: number;
  /** Offset of the document's first character (its `---` line, if it has one) in the file's text. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

/** One input file (or standard input) as it was read. */
export interface SourceFile {
  /** How findings name it: the path as found, or `<stdin>`. */
  readonly name: string;
  /** Its text, kept for standard input only: a file is read again for positions when it has findings. */
  readonly text?: string;
  /** The length of its text (without a byte order mark), to tell when a file changed since. */
  readonly length: number;
}

/** What the CLI read: one entry per Kubernetes object, with the file and document it came from. */
export interface LoadedInput {
  readonly entries: ManifestEntry[];
  /** The names of the files read, in order. */
  readonly files: string[];
  readonly sources: SourceFile[];
  readonly documents: DocumentSpan[];
  /** For each entry: the index of its document in `documents`. */
  readonly documentOf: number[];
  /** For each entry: its index in the `items` of its `kind: List` document, or -1 when it is the document. */
  readonly listItemOf: number[];
}

/**
 * Collections nest at most this deep in a document as written. Real manifests nest a few dozen
 * levels; the limit keeps every recursive walk (the parser's, the engine's) far from the stack's end.
 */
export const MAX_DEPTH = 1000;
/**
 * Documents with anchors may expand (each alias counted wherever it appears) to at most this many
 * values per character of their file, plus a floor: a "billion laughs", or one large node aliased
 * a thousand times, would have the engine walk it again at every alias.
 */
const MAX_VALUES_PER_CHARACTER = 10;
const MIN_VALUE_BUDGET = 100_000;
const STDIN = '-';
const STDIN_NAME = '<stdin>';

/** What js-yaml 4.3 has beyond its published types: its type list, and the depth limit of `load`. */
const { YAMLException, load } = jsYaml;
const { merge } = (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types;
type LoadOptions = jsYaml.LoadOptions & { readonly maxDepth: number };

/** YAML 1.2's core schema, as Kubernetes reads manifests (no timestamps or binary), with `<<` merge keys. */
const SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [merge] });
const LOAD_OPTIONS: LoadOptions = { schema: SCHEMA, maxDepth: MAX_DEPTH };

/**
 * Reads every PATH (a YAML file, a directory searched recursively for *.yaml and *.yml, or `-`
 * for standard input). Multi-document files and `kind: List` objects are expanded. Any
 * unreadable input throws an InputError naming the file (and line): nothing is half-read.
 */
export function loadManifests(paths: readonly string[], readStdin: () => string, parallel: ParallelOptions = {}): LoadedInput {
  const input: LoadedInput = { entries: [], files: [], sources: [], documents: [], documentOf: [], listItemOf: [] };
  for (const file of paths.flatMap((p) => (p === STDIN ? [STDIN] : expand(p)))) {
    const stdin = file === STDIN;
    const name = stdin ? STDIN_NAME : file;
    const text = withoutBom(stdin ? readStdin() : readText(file));
    const source = input.sources.length;
    input.sources.push({ name, length: text.length, ...(stdin ? { text } : {}) });
    input.files.push(file);
    readDocuments(text, name, (manifest, start, end, listItem) => {
      const last = input.documents[input.documents.length - 1];
      if (!last || last.source !== source || last.start !== start) input.documents.push({ source, start, end });
      input.entries.push({ manifest, location: name });
      input.documentOf.push(input.documents.length - 1);
      input.listItemOf.push(listItem);
    }, parallel);
  }
  return input;
}

/** The Kubernetes objects of one YAML text, as `loadManifests` reads them; throws an InputError like it. */
export function parseYaml(text: string, file: string, parallel: ParallelOptions = {}): unknown[] {
  const result: unknown[] = [];
  readDocuments(withoutBom(text), file, (manifest) => result.push(manifest), parallel);
  return result;
}

/** The text of a file again, to find positions in it; throws an InputError when it changed since it was read. */
export function rereadSource(source: SourceFile): string {
  if (source.text !== undefined) return source.text;
  const text = withoutBom(readText(source.name));
  if (text.length !== source.length) throw new InputError(`"${source.name}" changed while it was being linted; run again`);
  return text;
}

function expand(path: string): string[] {
  let stat;
  try {
    // A PATH given by the user is followed when it is a symbolic link.
    stat = statSync(path);
  } catch {
    throw new InputError(`cannot read "${path}": no such file or directory`);
  }
  if (!stat.isDirectory()) return [path];
  const files = walk(path);
  // A wrong PATH in CI must fail, not pass with "0 resources".
  if (files.length === 0) throw new InputError(`no YAML files under "${path}" (looked for *.yaml and *.yml in it and its subdirectories)`);
  return files;
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

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type OnObject = (manifest: unknown, start: number, end: number, listItem: number) => void;

/** When a file is parsed on two threads (see parallel-parse.ts); tests set these low to take that path on small files. */
export interface ParallelOptions {
  /** Texts at least this long get a worker. */
  readonly minChars?: number;
  /** Text per chunk the worker hands over. */
  readonly chunkChars?: number;
  /** Called once the worker is told where the documents are, before this thread reads one (tests wait there for the worker). */
  readonly onStart?: (helper: ParallelParse) => void;
}

/**
 * Parses each document of `text` on its own (js-yaml, at parse speed, keeping no positions; a long
 * text on two threads) and hands over its Kubernetes objects; empty documents and mappings
 * without apiVersion and kind are skipped. Throws an InputError with `file:line:col` for the
 * first document that cannot be read.
 */
function readDocuments(text: string, file: string, onObject: OnObject, parallel: ParallelOptions = {}): void {
  const limit = MAX_VALUES_PER_CHARACTER * text.length + MIN_VALUE_BUDGET;
  let budget = limit;
  // The worker starts before the documents are found, so that its start overlaps the search.
  const helper = ParallelParse.start(text, MAX_DEPTH, parallel.minChars, parallel.chunkChars);
  try {
    const starts = documentStarts(text);
    if (helper) {
      helper.begin(starts);
      parallel.onStart?.(helper);
    }
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index];
      const end = index + 1 < starts.length ? starts[index + 1] : text.length;
      const where = (line = 0, column = 0) => `${file}:${lineAt(text, start) + line + 1}:${column + 1}`;
      let value = helper === undefined ? NOT_PARSED : helper.valueOf(index);
      if (value === NOT_PARSED) {
        const documentText = text.slice(start, end);
        value = parseDocument(documentText, index, where);
        // Only a document with an anchor can hold aliases: the others cost nothing more.
        if (documentText.includes('&') && value !== null && value !== undefined) {
          const { values, depth } = measure(value, budget);
          if ((budget -= values) < 0) {
            throw new InputError(`${where()}: document ${index + 1} cannot be read: its aliases expand the file to more than ${limit} values; write the repeated parts out`);
          }
          if (depth > MAX_DEPTH) {
            throw new InputError(`${where()}: document ${index + 1} cannot be read: its aliases nest it more than ${MAX_DEPTH} levels deep; write the repeated parts out`);
          }
        }
      }
      if (value === null || value === undefined) continue;
      if (!isObject(value)) {
        throw new InputError(`${where()}: document ${index + 1} is not a Kubernetes object: it is ${kindOfValue(value)}, expected a mapping with apiVersion and kind`);
      }
      if (value.kind === 'List' && Array.isArray(value.items)) {
        // `kind: List` (what `kubectl get -o yaml` prints) holds its objects in `items`.
        const items = value.items;
        for (let item = 0; item < items.length; item++) {
          if (isObject(items[item])) onObject(items[item], start, end, item);
        }
      } else if (isKubernetesObject(value)) {
        onObject(value, start, end, -1);
      }
    }
  } finally {
    helper?.stop();
  }
}

/** One document's value; throws an InputError with `file:line:col` (from `where`) when it cannot be read. */
function parseDocument(documentText: string, index: number, where: (line?: number, column?: number) => string): unknown {
  try {
    return load(documentText, LOAD_OPTIONS);
  } catch (error) {
    if (error instanceof YAMLException) {
      // From the offset: js-yaml's own line is off where it stops before reading (a NUL byte).
      const offset = Math.min(error.mark?.position ?? 0, documentText.length);
      const before = documentText.slice(0, offset);
      const lineStart = before.lastIndexOf('\n') + 1;
      const line = before.length - before.replace(/\n/g, '').length;
      const source = documentText.slice(lineStart).split('\n', 1)[0].replace(/\r$/, '');
      throw new InputError(`${where(line, offset - lineStart)}: invalid YAML: ${yamlProblem(error.reason, source)}`);
    }
    if (error instanceof RangeError) throw new InputError(`${where()}: invalid YAML: document ${index + 1} is nested too deeply to read`);
    throw error;
  }
}

function isKubernetesObject(value: JsonObject): boolean {
  return typeof value.kind === 'string' && typeof value.apiVersion === 'string';
}

/** js-yaml's reasons, said for people where they name an option of ours. */
function yamlProblem(reason: string, line: string): string {
  if (/maxDepth/.test(reason)) return `it is nested more than ${MAX_DEPTH} levels deep`;
  if (/null byte|non-printable/.test(reason)) return `${reason}: is it a binary file? Lint YAML text only`;
  if (/^unknown tag/.test(reason)) return `${reason} in ${JSON.stringify(line.trim())}: write the value without the tag (manifests use YAML's core types only)`;
  const shown = line.length > 80 ? `${line.slice(0, 77)}...` : line;
  return shown.trim() === '' ? reason : `${reason}, in ${JSON.stringify(shown)}`;
}

function kindOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/**
 * The values in `value`, an aliased one counted at every place it appears, and how deep they
 * nest; stops past `cap` values (so a cycle or an exponential expansion costs at most `cap`).
 */
function measure(value: unknown, cap: number): { values: number; depth: number } {
  let values = 0;
  let depth = 0;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0 && values <= cap && depth <= MAX_DEPTH) {
    const item = stack.pop();
    const level = depths.pop()!;
    values++;
    if (level > depth) depth = level;
    const children = Array.isArray(item) ? item : isObject(item) ? Object.values(item) : undefined;
    if (!children) continue;
    for (const child of children) {
      stack.push(child);
      depths.push(level + 1);
    }
  }
  return { values, depth };
}

/**
 * Where each document of `text` starts: at offset 0 and at every `---` line, and after every
 * `...` line. A start that only holds comments and directives (`%YAML`) joins the document after
 * it. Found with indexOf over the whole text, so splitting costs next to nothing.
 */
export function documentStarts(text: string): number[] {
  const starts = [0];
  let marked = isMarker(text, 0, '---');
  let dashes = text.indexOf('\n---');
  let dots = text.indexOf('\n...');
  while (dashes !== -1 || dots !== -1) {
    const isEnd = dots !== -1 && (dashes === -1 || dots < dashes);
    const line = (isEnd ? dots : dashes) + 1;
    if (isEnd) dots = text.indexOf('\n...', line);
    else dashes = text.indexOf('\n---', line);
    if (!isMarker(text, line, isEnd ? '...' : '---')) continue;
    const current = starts[starts.length - 1];
    if (isEnd) {
      // The document ends with this line; whatever follows is another one.
      const next = text.indexOf('\n', line);
      if (next !== -1 && next + 1 < text.length) {
        starts.push(next + 1);
        marked = false;
      }
    } else {
      if (current !== line && (marked || hasContent(text, current, line))) starts.push(line);
      marked = true;
    }
  }
  return starts;
}

/** `---` or `...` at `offset`, alone or followed by a space, a tab or the line's end. */
function isMarker(text: string, offset: number, marker: string): boolean {
  if (!text.startsWith(marker, offset)) return false;
  const after = text.charCodeAt(offset + 3);
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d;
}

/** Whether text[from, to) holds anything but blank lines, comments and directives. */
function hasContent(text: string, from: number, to: number): boolean {
  return text.slice(from, to).split('\n').some((line) => !/^\s*(#.*)?$/.test(line) && !line.startsWith('%'));
}

/** The 0-based line `offset` is on. */
function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
