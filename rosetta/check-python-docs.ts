// Build check (the pacmak:code-only task): the README that jsii-pacmak generates for the Python
// package shows Python. Untranslated snippets keep their TypeScript inside ```python fences (or
// stay ```ts), which reads as broken docs on PyPI; this fails the build on either, naming the line.
// Given the generated Python module too, it fails on `new X(` in its docstrings (prose that names
// a TypeScript call instead of the construct).
//
// Usage: check-python-docs.ts dist/code-only/python/README.md [.../__init__.py]
import { readFileSync } from 'fs';

const TYPESCRIPT: ReadonlyArray<[RegExp, string]> = [
  [/\bnew\s+[A-Z][\w.]*\s*[(<]/, '`new X(`'],
  [/^\s*(const|let|var)\s/, 'a const/let/var declaration'],
  [/^\s*import\s*(\{|\*|type\s)/, 'a TypeScript import'],
  [/^\s*import\s.*\sfrom\s+['"]/, 'a TypeScript import'],
  [/=>/, 'an arrow function'],
  [/;\s*$/, 'a statement ending in `;`'],
];

function checkModule(file: string): string[] {
  const [newCall] = TYPESCRIPT;
  // A ```text block shows what a tool prints (`convert` prints TypeScript whatever the language
  // reading about it): its lines are output, not prose.
  let inText = false;
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
    const fence = /^\s*```\s*(\w*)/.exec(line);
    if (fence) {
      inText = !inText && fence[1].toLowerCase() === 'text';
      return [];
    }
    return !inText && newCall[0].test(line) ? [`${file}:${i + 1}: ${newCall[1]} in a docstring: ${line.trim()}`] : [];
  });
}

function check(file: string): string[] {
  if (file.endsWith('.py')) return checkModule(file);
  const problems: string[] = [];
  let fence: string | undefined;
  let pythonBlocks = 0;
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    const opening = /^\s*```\s*(\w*)/.exec(line);
    if (opening && fence === undefined) {
      fence = opening[1].toLowerCase();
      if (fence === 'python') pythonBlocks++;
      if (fence === 'ts' || fence === 'typescript') problems.push(`${where}: a TypeScript block was not translated`);
      return;
    }
    if (opening) {
      fence = undefined;
      return;
    }
    if (fence !== 'python') return;
    for (const [pattern, what] of TYPESCRIPT) {
      if (pattern.test(line)) problems.push(`${where}: ${what} in a python block: ${line.trim()}`);
    }
  });
  if (fence !== undefined) problems.push(`${file}: a code block is not closed`);
  if (pythonBlocks === 0) problems.push(`${file}: no python block at all (were the snippets translated?)`);
  return problems;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: check-python-docs.ts README.md...');
  process.exit(2);
}
const problems = files.flatMap(check);
if (problems.length > 0) {
  console.error(`TypeScript left in the generated Python docs (run \`npx projen rosetta:extract\` and fix the snippet or rosetta/default.ts-fixture):\n${problems.join('\n')}`);
  process.exit(1);
}
