// Line and column of every finding: in-process through `main`, against positions found by
// searching the written text (not by the code under test).
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { lintInProcess } from './in-process';
import { documentStarts } from '../../src/cli/load';
import { locateFields, parsePath } from '../../src/positions';

interface JsonFinding { ruleId: string; path: string; file: string; line: number | null; column: number | null }

const lint = lintInProcess;

function lintJson(args: string[], stdin?: string): JsonFinding[] {
  const { stdout, stderr } = lint(['--format', 'json', ...args], stdin);
  expect(stderr).toBe('');
  return JSON.parse(stdout).findings;
}

/** The 1-based line and column of the `occurrence`-th `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" is not in the text ${occurrence} times`);
  }
  const before = text.slice(0, at).replace(/^\ufeff/, '');
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const SIDECAR = (name: string, spec: string) => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: ${name}
  namespace: shop
spec:
${spec}`;

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'cli-positions-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A ConfigMap with a block scalar holding `---` and `...` (indented: not markers), and comments everywhere. */
const CONFIG_MAP = `# rendered by some tool
# another comment
apiVersion: v1
kind: ConfigMap
metadata: {name: scripts, namespace: shop}
data:
  run.sh: |
    #!/bin/sh
    echo "---"
    ---
    ...
  folded: >
    a folded
    scalar
`;

const DEEP = `${CONFIG_MAP}---
# a comment before the Sidecar
apiVersion: v1
kind: ConfigMap
metadata: {name: other, namespace: shop}
--- # a marker with a comment
${SIDECAR('default', `  egress:
  # hosts below
  - hosts:
    - "./*"
    - |-
      block-host.example.com
  - port: {number: 9080, protocol: HTTP, name: http}
    hosts: ["./*", "./ratings.shop.svc.cluster.local", "reviews.shop.svc.cluster.local"]
`)}`;

describe('line and column of findings', () => {
  test('deep in a multi-document file, after comments and block scalars', () => {
    const file = write('deep.yaml', DEEP);
    const findings = lintJson([file]);
    const blockHost = findings.find((f) => f.path === 'spec.egress[0].hosts[1]');
    expect(blockHost).toMatchObject({ file, ...positionOf(DEEP, '|-\n      block-host') });
    const flowHost = findings.find((f) => f.path === 'spec.egress[1].hosts[2]');
    expect(flowHost).toMatchObject({ file, ...positionOf(DEEP, '"reviews.shop.svc.cluster.local"') });
  });

  test('the text format leads with file:line:col', () => {
    const file = write('deep-text.yaml', DEEP);
    const { line, column } = positionOf(DEEP, '"reviews.shop.svc.cluster.local"');
    expect(lint([file]).stdout).toContain(`${file}:${line}:${column}: error S-HOST-FORMAT: egress host "reviews.shop.svc.cluster.local"`);
  });

  test('in a kind: List, each item at its own place', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: p, namespace: shop, labels: {app: a}}
- apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: default, namespace: shop}
  spec:
    egress:
    - hosts: ["./*", "nope"]
- apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: second, namespace: other}
  spec:
    egress:
    - hosts: ["bad.example.com"]
`;
    const file = write('list.yaml', text);
    const findings = lintJson([file]);
    expect(findings.find((f) => f.path === 'spec.egress[0].hosts[1]')).toMatchObject(positionOf(text, '"nope"'));
    expect(findings.find((f) => f.path === 'spec.egress[0].hosts[0]')).toMatchObject(positionOf(text, '"bad.example.com"'));
  });

  test('on stdin', () => {
    const findings = lintJson(['-'], DEEP);
    expect(findings.find((f) => f.path === 'spec.egress[1].hosts[2]')).toMatchObject({ file: '<stdin>', ...positionOf(DEEP, '"reviews.shop.svc.cluster.local"') });
  });

  test('a missing field points at its nearest existing ancestor; an empty path at the object', () => {
    const text = `${SIDECAR('default', '  egress:\n  - hosts: ["./*"]\n')}---\n${SIDECAR('second', `  ingress:
  - defaultEndpoint: 127.0.0.1:8080
  egress:
  - hosts: ["./*"]
`)}`;
    const file = write('missing.yaml', text);
    const findings = lintJson([file]);
    // S-IN-PORT-REQUIRED: the listener has no port.
    expect(findings.find((f) => f.path === 'spec.ingress[0]')).toMatchObject(positionOf(text, 'defaultEndpoint'));
    // Two namespace-wide Sidecars: about the whole object, at its first line.
    expect(findings.find((f) => f.ruleId === 'X-NS-MULTIPLE-SELECTORLESS')).toMatchObject({ path: '', line: 1, column: 1 });
  });

  test('two objects of one file with the same kind, namespace and name: the one where the field is', () => {
    const text = `${SIDECAR('default', '  egress:\n  - hosts: ["first.example.com"]\n')}---\n${SIDECAR('default', `  egress:
  - hosts: ["./*"]
  - port: {number: 9080, protocol: HTTP, name: http}
    hosts: ["second.example.com"]
`)}`;
    const file = write('twins.yaml', text);
    const findings = lintJson([file]);
    expect(findings.find((f) => f.path === 'spec.egress[0].hosts[0]' && f.ruleId === 'S-HOST-FORMAT')).toMatchObject(positionOf(text, '"first.example.com"'));
    expect(findings.find((f) => f.path === 'spec.egress[1].hosts[0]')).toMatchObject(positionOf(text, '"second.example.com"'));
  });

  test('quoted keys, CRLF line endings and a byte order mark', () => {
    const text = `\ufeff${SIDECAR('default', `  workloadSelector:
    labels:
      "app.kubernetes.io/name": "bad value!"
  egress:
  - hosts: ["./*"]
`)}`.replace(/\n/g, '\r\n');
    const file = write('crlf.yaml', text);
    const finding = lintJson([file]).find((f) => f.path === 'spec.workloadSelector.labels["app.kubernetes.io/name"]');
    expect(finding).toMatchObject(positionOf(text.replace(/\r/g, ''), '"bad value!"'));
  });

  test('a directive, an explicit document end and an alias', () => {
    const text = `%YAML 1.2
---
${SIDECAR('default', `  egress:
  - hosts: &hosts ["./*", "short"]
  - port: {number: 9080, protocol: HTTP, name: http}
    hosts: *hosts
`)}...
# the next document has no --- line
${SIDECAR('second', '  workloadSelector: {labels: {app: x}}\n  egress:\n  - hosts: ["./*", "tiny"]\n')}`;
    const file = write('alias.yaml', text);
    const findings = lintJson([file]);
    // Through an alias, a field is where the anchored node writes it.
    expect(findings.find((f) => f.path === 'spec.egress[0].hosts[1]' && f.line === positionOf(text, '"short"').line)).toBeDefined();
    expect(findings.find((f) => f.path === 'spec.egress[1].hosts[1]')).toMatchObject(positionOf(text, '"short"'));
    expect(findings.find((f) => f.path === 'spec.egress[0].hosts[1]' && f.line !== positionOf(text, '"short"').line))
      .toMatchObject(positionOf(text, '"tiny"'));
  });
});

describe('YAML errors', () => {
  test('name the line and column in the file, and quote the line', () => {
    const text = `${SIDECAR('default', '  egress:\n  - hosts: ["./*"]\n')}---\n# comment\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n   namespace: shop\n`;
    const file = write('broken.yaml', text);
    const { code, stdout, stderr } = lint([file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const { line } = positionOf(text, '   namespace: shop');
    // js-yaml stops at the colon of the mis-indented key.
    expect(stderr).toBe(`cdk8s-istio-sidecar: ${file}:${line}:13: invalid YAML: bad indentation of a mapping entry, in "   namespace: shop"\n`);
  });

  test('a YAML tag Kubernetes does not read: the line, and the fix', () => {
    const { code, stderr } = lint(['-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: !!binary aGVsbG8=\n');
    expect(code).toBe(2);
    expect(stderr).toBe('cdk8s-istio-sidecar: <stdin>:5:23: invalid YAML: unknown tag !<tag:yaml.org,2002:binary> in "x: !!binary aGVsbG8=": write the value without the tag (manifests use YAML\'s core types only)\n');
  });

  test('a NUL byte is at its own line, and the message says what to do', () => {
    const file = write('binary.yaml', Buffer.from('apiVersion: v1\nkind: Pod\nmetadata: {name: \u0000}\n'));
    expect(lint([file]).stderr).toBe(`cdk8s-istio-sidecar: ${file}:3:18: invalid YAML: null byte is not allowed in input: is it a binary file? Lint YAML text only\n`);
  });
});

describe('parsePath', () => {
  test.each([
    ['', []],
    ['spec', ['spec']],
    ['spec.egress[0].hosts[12]', ['spec', 'egress', 0, 'hosts', 12]],
    ['metadata.labels["app.kubernetes.io/name"]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['a["x\\"]y"].b', ['a', 'x"]y', 'b']],
    ['spec.egress[x].hosts', ['spec', 'egress']],
  ])('%j', (path, steps) => {
    expect(parsePath(path)).toEqual(steps);
  });
});

describe('locateFields', () => {
  test('a document beyond the text, and a path through a merge key', () => {
    const text = 'base: &base {port: 80}\nlistener:\n  <<: *base\n  name: http\n';
    expect(locateFields(text, [{ document: 3, path: 'base' }])).toEqual([undefined]);
    expect(locateFields(text, [{ document: 0, path: 'listener.port' }, { document: 0, path: 'listener.name' }]))
      .toEqual([positionOf(text, '80'), positionOf(text, 'http')]);
  });

  test('a key with no value is where it is written', () => {
    const text = 'spec:\n  egress:\n  ingress: []\n';
    expect(locateFields(text, [{ document: 0, path: 'spec.egress' }, { document: 0, path: 'spec.egress[0].hosts' }]))
      .toEqual([positionOf(text, 'egress'), positionOf(text, 'egress')]);
  });
});

describe('documentStarts', () => {
  test.each([
    ['a: 1\n', [0]],
    ['---\na: 1\n---\nb: 2\n', [0, 9]],
    ['# only a comment\n%YAML 1.2\n---\na: 1\n', [0]],
    ['a: 1\n...\n# after\n---\nb: 2\n', [0, 9]],
    ['a: |\n  ---\n  ...\nb: "---"\n----\n', [0]],
    ['a: 1\r\n---\r\nb: 2\r\n', [0, 6]],
  ])('%j', (text, starts) => {
    expect(documentStarts(text)).toEqual(starts);
  });
});
