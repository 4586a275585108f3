// Internal: prints generated code as a person would write it, in the repository's eslint style
// (2-space indent, single quotes, trailing commas on multi-line literals, quote-props
// consistent-as-needed): a node that fits on its line stays on it, else it breaks one level.
import { Node } from './code';

/** The longest line the writer aims for (the repository's max-len is 150). */
export const LINE_WIDTH = 120;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A string literal in single quotes. */
export function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, '\\\'');
  return `'${escaped}'`;
}

/** `// ` comment lines for `text`, wrapped at about 100 characters. */
export function commentLines(text: string, indent: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      if (line.length > 0 && indent.length + 3 + line.length + 1 + word.length > 100) {
        lines.push(`${indent}// ${line}`);
        line = word;
      } else {
        line = line.length > 0 ? `${line} ${word}` : word;
      }
    }
    lines.push(line.length > 0 ? `${indent}// ${line}` : `${indent}//`);
  }
  return lines;
}

function hasComments(node: Node): boolean {
  if (node.comments && node.comments.length > 0) return true;
  switch (node.t) {
    case 'member': return hasComments(node.target);
    case 'call': return hasComments(node.callee) || node.args.some(hasComments);
    case 'obj': return node.entries.some((e) => hasComments(e.value));
    case 'arr': return node.items.some(hasComments);
    default: return false;
  }
}

function keysOf(node: Node & { t: 'obj' }): string[] {
  const quoted = node.entries.some((e) => !IDENTIFIER.test(e.key));
  return node.entries.map((e) => (quoted ? quote(e.key) : e.key));
}

function literal(v: string | number | boolean | null | undefined): string {
  if (typeof v === 'string') return quote(v);
  if (v === undefined) return 'undefined';
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  return String(v);
}

/** The node on one line. */
export function inline(node: Node): string {
  switch (node.t) {
    case 'lit': return literal(node.v);
    case 'ref': return node.name;
    case 'member': return `${inline(node.target)}.${node.name}`;
    case 'call': return `${node.isNew ? 'new ' : ''}${inline(node.callee)}(${node.args.map(inline).join(', ')})`;
    case 'obj': {
      if (node.entries.length === 0) return '{}';
      const keys = keysOf(node);
      return `{ ${node.entries.map((e, i) => `${keys[i]}: ${inline(e.value)}`).join(', ')} }`;
    }
    case 'arr': return `[${node.items.map(inline).join(', ')}]`;
  }
}

/**
 * The node as code starting at column `column` of a line indented by `indent`, followed on its
 * last line by `tail` characters (a comma, `);`): on one line when it fits and has no comments.
 */
export function print(node: Node, indent: string, column: number, tail = 1): string {
  if (!hasComments(node)) {
    const one = inline(node);
    if (column + one.length + tail <= LINE_WIDTH) return one;
  }
  const inner = `${indent}  `;
  const item = (n: Node, prefix: string): string => [
    ...(n.comments ?? []).flatMap((c) => commentLines(c, inner)),
    `${inner}${prefix}${print({ ...n, comments: undefined } as Node, inner, inner.length + prefix.length)},`,
  ].join('\n');
  switch (node.t) {
    case 'obj': {
      const keys = keysOf(node);
      return `{\n${node.entries.map((e, i) => item(e.value, `${keys[i]}: `)).join('\n')}\n${indent}}`;
    }
    case 'arr':
      return `[\n${node.items.map((n) => item(n, '')).join('\n')}\n${indent}]`;
    case 'call': {
      const head = `${node.isNew ? 'new ' : ''}${inline(node.callee)}(`;
      const last = node.args[node.args.length - 1];
      const before = node.args.slice(0, -1);
      // Hug a last object or array argument: `new Sidecar(chart, 'id', {` ... `});`
      if (last && (last.t === 'obj' || last.t === 'arr') && !before.some(hasComments) && !(last.comments && last.comments.length > 0)) {
        const start = `${head}${before.map((a) => `${inline(a)}, `).join('')}`;
        if (column + start.length + 1 <= LINE_WIDTH) return `${start}${print(last, indent, column + start.length, tail + 1)})`;
      }
      return `${head}\n${node.args.map((a) => item(a, '')).join('\n')}\n${indent})`;
    }
    default:
      return inline(node);
  }
}

/** A statement: the node, broken as needed, then `;`. Its own comments go above it. */
export function statement(node: Node, indent: string, prefix = ''): string {
  return [
    ...(node.comments ?? []).flatMap((c) => commentLines(c, indent)),
    `${indent}${prefix}${print({ ...node, comments: undefined } as Node, indent, indent.length + prefix.length, 1)};`,
  ].join('\n');
}
