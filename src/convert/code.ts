// Internal: the expressions the converter writes. Each `Expr` is a piece of TypeScript and the
// value that code evaluates to, built together: the value comes from calling the very factory
// the code names (`EgressHost.namespace('prod').allHosts()` is evaluated as exactly that), so a
// construct built from the values in-process renders what the generated code will render.
import { ApiObject, App, Chart, Duration } from 'cdk8s';
import { fieldPath } from '../analysis/manifest';
import { SidecarApiVersion } from '../api-version';
import { Bind } from '../bind';
import { CaptureMode } from '../capture-mode';
import { H2UpgradePolicy } from '../connection-pool';
import { EgressHost } from '../egress-host';
import { Endpoint } from '../endpoint';
import { IstioMesh } from '../istio-mesh';
import { MeshDefaultSidecar } from '../mesh-default-sidecar';
import { NamespaceDefaultSidecar } from '../namespace-default-sidecar';
import { NoIptablesSidecar } from '../no-iptables-sidecar';
import { OutboundTrafficPolicy } from '../outbound-traffic-policy';
import { PartialIptablesSidecar } from '../partial-iptables-sidecar';
import { ServiceEntry, ServiceEntryLocation, ServiceEntryResolution } from '../service-entry';
import { Sidecar } from '../sidecar';
import { SidecarPort, SidecarProtocol } from '../sidecar-port';
import { SidecarTlsMode, TlsProtocolVersion } from '../tls';
import { RuleSuppressions } from '../validation/rule-suppressions';
import { WorkloadSelector } from '../workload-selector';
import { WorkloadSidecar } from '../workload-sidecar';

/** Where an imported name comes from: this library, or cdk8s. */
export type ImportSource = 'library' | 'cdk8s';

/** The names of this library the generated code may use, with their values. */
const LIBRARY: { readonly [name: string]: unknown } = {
  Bind,
  CaptureMode,
  EgressHost,
  Endpoint,
  H2UpgradePolicy,
  IstioMesh,
  MeshDefaultSidecar,
  NamespaceDefaultSidecar,
  NoIptablesSidecar,
  OutboundTrafficPolicy,
  PartialIptablesSidecar,
  RuleSuppressions,
  ServiceEntry,
  ServiceEntryLocation,
  ServiceEntryResolution,
  Sidecar,
  SidecarApiVersion,
  SidecarPort,
  SidecarProtocol,
  SidecarTlsMode,
  TlsProtocolVersion,
  WorkloadSelector,
  WorkloadSidecar,
};

/** The names of cdk8s the generated code may use, with their values. */
const CDK8S: { readonly [name: string]: unknown } = { ApiObject, App, Chart, Duration };

/** A node of generated code. `path` is the field of the input it stands for, e.g. `spec.egress[0]`. */
export type Node = (
  | { readonly t: 'lit'; readonly v: string | number | boolean | null | undefined }
  | { readonly t: 'ref'; readonly name: string; readonly from?: ImportSource }
  | { readonly t: 'member'; readonly target: Node; readonly name: string }
  | { readonly t: 'call'; readonly callee: Node; readonly args: readonly Node[]; readonly isNew?: boolean }
  | { readonly t: 'obj'; readonly entries: ReadonlyArray<{ readonly key: string; readonly value: Node }> }
  | { readonly t: 'arr'; readonly items: readonly Node[] }
) & { path?: string; comments?: string[] };

/** A piece of code and the value it evaluates to. */
export interface Expr {
  readonly node: Node;
  readonly value: unknown;
}

/** A value the typed model cannot express, and why. */
export class Unsupported extends Error {
  public constructor(public readonly path: string, public readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

/** A literal: a string, number, boolean, null or undefined. */
export function lit(v: string | number | boolean | null | undefined): Expr {
  return { node: { t: 'lit', v }, value: v };
}

/** A name exported by this library. */
export function lib(name: string): Expr {
  if (!(name in LIBRARY)) throw new Error(`internal: ${name} is not a known library export`);
  return { node: { t: 'ref', name, from: 'library' }, value: LIBRARY[name] };
}

/** A name exported by cdk8s. */
export function cdk8s(name: string): Expr {
  if (!(name in CDK8S)) throw new Error(`internal: ${name} is not a known cdk8s export`);
  return { node: { t: 'ref', name, from: 'cdk8s' }, value: CDK8S[name] };
}

/** A local name (a parameter or variable); its value is given by the caller. */
export function local(name: string, value: unknown): Expr {
  return { node: { t: 'ref', name }, value };
}

/** `target.method(args)`, evaluated by calling it. */
export function call(target: Expr, method: string, args: readonly Expr[] = []): Expr {
  const fn = (target.value as { [key: string]: unknown })[method];
  if (typeof fn !== 'function') throw new Error(`internal: ${method} is not a method`);
  const value = (fn as (...a: unknown[]) => unknown).apply(target.value, trimUndefined(args).map((a) => a.value));
  return { node: { t: 'call', callee: { t: 'member', target: target.node, name: method }, args: trimUndefined(args).map((a) => a.node) }, value };
}

/** `Enum.MEMBER` for the member whose value is `value`, or Unsupported. */
export function enumMember(enumName: string, value: unknown, path: string): Expr {
  const members = LIBRARY[enumName] as { [key: string]: string };
  const key = Object.keys(members).find((k) => members[k] === value);
  if (key === undefined) {
    throw new Unsupported(path, `${JSON.stringify(value)} is not one of ${enumName}'s values (${Object.values(members).join(', ')})`);
  }
  return { node: { t: 'member', target: { t: 'ref', name: enumName, from: 'library' }, name: key }, value: members[key] };
}

/** An object literal; entries whose Expr is undefined are left out. */
export function obj(entries: ReadonlyArray<readonly [string, Expr | undefined]>): Expr {
  const present = entries.filter((e): e is readonly [string, Expr] => e[1] !== undefined);
  const value: { [key: string]: unknown } = {};
  for (const [key, expr] of present) value[key] = expr.value;
  return { node: { t: 'obj', entries: present.map(([key, expr]) => ({ key, value: expr.node })) }, value };
}

/** An array literal. */
export function arr(items: readonly Expr[]): Expr {
  return { node: { t: 'arr', items: items.map((i) => i.node) }, value: items.map((i) => i.value) };
}

/** The same expression, marked as standing for the input field `path`. */
export function at(path: string, expr: Expr): Expr {
  return { node: { ...expr.node, path }, value: expr.value };
}

/** A JSON value written out as literals, e.g. the spec of a raw ApiObject. */
export function json(value: unknown, path: string): Expr {
  if (Array.isArray(value)) return at(path, arr(value.map((v, i) => json(v, `${path}[${i}]`))));
  if (value !== null && typeof value === 'object') {
    return at(path, obj(Object.entries(value).map(([k, v]) => [k, json(v, fieldPath(path, k))] as const)));
  }
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return at(path, lit(value as string));
  throw new Unsupported(path, `a ${typeof value} cannot be written as a literal`);
}

/** Trailing undefined arguments are left out of the code (and the call). */
function trimUndefined(args: readonly Expr[]): readonly Expr[] {
  let end = args.length;
  while (end > 0 && args[end - 1].node.t === 'lit' && args[end - 1].value === undefined) end--;
  return args.slice(0, end);
}

/** Every imported name a node uses, by source. */
export function importsOf(node: Node, into: { [source in ImportSource]: Set<string> }): void {
  switch (node.t) {
    case 'ref': if (node.from) into[node.from].add(node.name); break;
    case 'member': importsOf(node.target, into); break;
    case 'call': importsOf(node.callee, into); node.args.forEach((a) => importsOf(a, into)); break;
    case 'obj': node.entries.forEach((e) => importsOf(e.value, into)); break;
    case 'arr': node.items.forEach((i) => importsOf(i, into)); break;
    default: break;
  }
}

/** The node standing for `path`, else the one for its nearest parent field that has one. */
export function nodeFor(root: Node, path: string): Node | undefined {
  for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
    const found = find(root, p);
    if (found) return found;
  }
  return undefined;
}

function find(node: Node, path: string): Node | undefined {
  if (node.path === path) return node;
  const children = node.t === 'obj' ? node.entries.map((e) => e.value) : node.t === 'arr' ? node.items : node.t === 'call' ? node.args : [];
  for (const child of children) {
    const found = find(child, path);
    if (found) return found;
  }
  return undefined;
}

/** `spec.egress[0].hosts` for `spec.egress[0].hosts[1]`; undefined for a top-level field. */
export function parentPath(path: string): string | undefined {
  const match = /^(.*)(\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.[^.[\]]+)$/.exec(path);
  return match ? match[1] : undefined;
}
