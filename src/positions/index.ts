// Line and column of a finding's field in the YAML it was read from, for the CLI and the cdk8s-cli
// plugin. Loading stays at parse speed (no positions kept); only the documents that have findings
// are parsed again, with the `yaml` library, which keeps every node's offset.
import type { Document, Node } from 'yaml';
import { Finding, ResourceRef } from '../analysis/finding';
import { JsonObject, ManifestEntry, isObject, resourceRefOf } from '../analysis/manifest';

type YamlLibrary = typeof import('yaml');
let yamlLibrary: YamlLibrary | undefined;

/**
 * The `yaml` library, loaded on first use: it is some seventy modules (a fifth of a second at
 * start-up), and only a run with findings needs it.
 */
function yaml(): YamlLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return yamlLibrary ??= require('yaml') as YamlLibrary;
}

/** A place in a text file: 1-based line and column (the column counts UTF-16 code units). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One step of a field path: a key of a mapping, or an index into a list. */
export type PathStep = string | number;

/**
 * The steps of a field path as the engine writes them (`fieldPath` in analysis/manifest.ts):
 * `spec.egress[0].hosts[1]`, `metadata.labels["app.kubernetes.io/name"]`; empty for the object
 * itself. Stops at anything else, so a path it cannot read names its readable ancestor.
 */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path[i + 1] === '"' ? endOfJsonString(path, i + 1) + 1 : path.indexOf(']', i);
      if (close <= i || path[close] !== ']') break;
      const inside = path.slice(i + 1, close);
      if (inside.startsWith('"')) {
        try {
          steps.push(JSON.parse(inside) as string);
        } catch {
          break;
        }
      } else if (/^\d+$/.test(inside)) {
        steps.push(Number(inside));
      } else {
        break;
      }
      i = close + 1;
      continue;
    }
    if (path[i] === '.') i++;
    else if (steps.length > 0) break;
    const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path.slice(i))?.[0];
    if (!key) break;
    steps.push(key);
    i += key.length;
  }
  return steps;
}

/** The index of the quote that closes the JSON string opening at `open`; -1 when none does. */
function endOfJsonString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** What to locate in a text: a field of one of its documents (of an item of a `kind: List` document). */
export interface FieldRequest {
  /** The document's index among the text's documents, as `yaml`'s parseAllDocuments counts them. */
  readonly document: number;
  /** The item of a `kind: List` document the object is; the document itself when absent. */
  readonly listItem?: number;
  /** The finding's field path. */
  readonly path: string;
}

/**
 * Where each requested field is written in `text`: the start of the value its path names, or of
 * the nearest ancestor that exists (a missing required field points at its parent); the
 * object's first line for an empty path. Undefined when the document is not in the text, or
 * the text cannot be parsed again.
 */
export function locateFields(text: string, requests: readonly FieldRequest[]): Array<SourcePosition | undefined> {
  if (requests.length === 0) return [];
  const { LineCounter, parseAllDocuments } = yaml();
  const lineCounter = new LineCounter();
  let documents: ReturnType<YamlLibrary['parseAllDocuments']>;
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  } catch {
    // Out of stack on input the fast loader accepted: no positions rather than no report.
    return requests.map(() => undefined);
  }
  return requests.map(({ document: index, listItem, path }) => {
    const document = documents[index] as Document | undefined;
    if (!document) return undefined;
    const steps = listItem === undefined ? parsePath(path) : ['items', listItem, ...parsePath(path)];
    const offset = offsetOf(document, steps);
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: col };
  });
}

/** The source offset of the node `steps` lead to in `document`, or of its deepest existing ancestor. */
function offsetOf(document: Document, steps: readonly PathStep[]): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? document.range?.[0];
  for (const step of steps) {
    const container = resolve(document, node);
    const next = isMap(container) ? pairIn(document, container, String(step), 0)
      : isSeq(container) && typeof step === 'number' ? container.items[step]
        : undefined;
    if (next === undefined || next === null) break;
    if (isPair(next)) {
      // `key:` with nothing after it: the key is where the field is written.
      const value = next.value;
      const valueStart = isScalar(value) && value.range && value.range[0] === value.range[1] ? undefined : rangeStart(value);
      offset = valueStart ?? rangeStart(next.key) ?? offset;
      node = value;
    } else {
      offset = rangeStart(next) ?? offset;
      node = next;
    }
    if (node === null || node === undefined) break;
  }
  return offset;
}

/** Merge keys (`<<: *defaults`) nest at most this deep: a cycle of them stops here. */
const MAX_MERGE_DEPTH = 20;

/** The pair of `map` whose key is `key`, looking into `<<` merges (the map's own keys win). */
function pairIn(document: Document, map: { items: unknown[] }, key: string, depth: number): unknown {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let merged: unknown;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (name === key) return pair;
    if (name === '<<' && merged === undefined && depth < MAX_MERGE_DEPTH) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = resolve(document, source);
        if (isMap(target)) merged = pairIn(document, target, key, depth + 1);
        if (merged !== undefined) break;
      }
    }
  }
  return merged;
}

/** An alias stands for the node it names. */
function resolve(document: Document, node: unknown): unknown {
  return yaml().isAlias(node) ? (node as { resolve(d: Document): unknown }).resolve(document) : node;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/**
 * The entry each finding is about, as an index into `entries` (undefined for an engine failure).
 * A finding names its object by its file and its apiVersion, kind, namespace and name; when one
 * file holds two objects that share all of these, the first one in which the finding's path
 * exists is taken.
 */
export function entryOfFindings(findings: readonly Finding[], entries: readonly ManifestEntry[]): Array<number | undefined> {
  const wanted = new Set<string>();
  // A first sieve by name, so that a large input with few findings builds few keys.
  const names = new Set<string>();
  for (const finding of findings) {
    wanted.add(keyOf(finding.location, finding.resource));
    names.add(finding.resource.name);
  }
  const candidates = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    if (!isObject(entry.manifest)) return;
    const metadata = entry.manifest.metadata;
    const name = isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
    if (!names.has(name)) return;
    const key = keyOf(entry.location, resourceRefOf(entry.manifest));
    if (!wanted.has(key)) return;
    const list = candidates.get(key);
    if (list) list.push(index);
    else candidates.set(key, [index]);
  });
  return findings.map((finding) => {
    const list = candidates.get(keyOf(finding.location, finding.resource));
    if (!list) return undefined;
    if (list.length === 1) return list[0];
    const steps = parsePath(finding.path);
    return list.find((index) => hasPath(entries[index].manifest, steps)) ?? list[0];
  });
}

function keyOf(location: string | undefined, ref: ResourceRef): string {
  return JSON.stringify([location ?? null, ref.apiVersion, ref.kind, ref.namespace ?? null, ref.name]);
}

function hasPath(manifest: unknown, steps: readonly PathStep[]): boolean {
  let value: unknown = manifest;
  for (const step of steps) {
    if (Array.isArray(value) && typeof step === 'number') value = value[step];
    else if (isObject(value) && Object.prototype.hasOwnProperty.call(value, String(step))) value = (value as JsonObject)[String(step)];
    else return false;
  }
  return true;
}
