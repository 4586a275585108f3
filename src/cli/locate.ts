import { LoadedInput, rereadSource } from './load';
import { Finding } from '../analysis/finding';
import { FieldRequest, SourcePosition, entryOfFindings, locateFields } from '../positions';

/**
 * The line and column of each finding's field, in the file it came from (undefined for a finding
 * about no object, such as an engine failure). Only the documents that have findings are read
 * again, with a parser that keeps positions; the others cost nothing here.
 */
export function locateFindings(findings: readonly Finding[], input: LoadedInput): Array<SourcePosition | undefined> {
  const positions: Array<SourcePosition | undefined> = new Array(findings.length).fill(undefined);
  if (findings.length === 0) return positions;
  const entryOf = entryOfFindings(findings, input.entries);
  // Document index -> the findings in it, with what to look up.
  const byDocument = new Map<number, Array<{ finding: number; request: FieldRequest }>>();
  entryOf.forEach((entry, finding) => {
    if (entry === undefined) return;
    const document = input.documentOf[entry];
    const listItem = input.listItemOf[entry];
    const request: FieldRequest = { document: 0, path: findings[finding].path, ...(listItem >= 0 ? { listItem } : {}) };
    const list = byDocument.get(document);
    if (list) list.push({ finding, request });
    else byDocument.set(document, [{ finding, request }]);
  });
  // Documents in file order, so each file is read once and its lines counted once, front to back.
  const documents = [...byDocument.keys()].sort((a, b) => a - b);
  let source = -1;
  let text = '';
  let line = 0;
  let counted = 0;
  for (const index of documents) {
    const span = input.documents[index];
    if (span.source !== source) {
      source = span.source;
      text = rereadSource(input.sources[source]);
      line = 0;
      counted = 0;
    }
    for (let i = text.indexOf('\n', counted); i !== -1 && i < span.start; i = text.indexOf('\n', i + 1)) line++;
    counted = span.start;
    const wanted = byDocument.get(index)!;
    const found = locateFields(text.slice(span.start, span.end), wanted.map((w) => w.request));
    wanted.forEach(({ finding }, i) => {
      // Where the parser that keeps positions gives up, the document's first line.
      const position = found[i] ?? { line: 1, column: 1 };
      positions[finding] = { line: position.line + line, column: position.column };
    });
  }
  return positions;
}
