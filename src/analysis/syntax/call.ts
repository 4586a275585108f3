// The grammar of a declared call, `host[:port]`, and of the annotation that lists them. One
// owner: the engine reads the annotation with it, and the constructs check what they write.
import { fqdnProblem } from './dns';
import { portNumberProblem } from './port';

/** The annotation a workload (or its pod template) declares its calls in. */
export const CALLS_ANNOTATION = 'cdk8s-istio-sidecar.io/calls';

/** What one entry should look like, for messages. */
export const CALL_FORM = '"host[:port]": a Service ("reviews", "reviews.bookinfo" or "reviews.bookinfo.svc.cluster.local") or an external host ("api.example.com"), and a port from 1 to 65535, e.g. "reviews.bookinfo:9080"';

/** One entry of the annotation, read. */
export interface CallEntry {
  /** The host as written, lower-cased, without a trailing dot. */
  readonly host: string;
  /** The port, when the entry names one. */
  readonly port?: number;
}

/** One entry of the annotation, as written, and what it reads as. */
export type CallItem =
  | { readonly text: string; readonly index: number; readonly call: CallEntry }
  | { readonly text: string; readonly index: number; readonly problem: string };

/** Reads one `host[:port]` entry: the call, or what is wrong with it. */
export function parseCallEntry(text: string): { readonly call: CallEntry } | { readonly problem: string } {
  const entry = text.trim();
  if (entry.length === 0) return { problem: 'the entry is empty' };
  const colon = entry.lastIndexOf(':');
  const rawHost = colon < 0 ? entry : entry.slice(0, colon);
  const rawPort = colon < 0 ? undefined : entry.slice(colon + 1);
  const host = (rawHost.endsWith('.') ? rawHost.slice(0, -1) : rawHost).toLowerCase();
  if (host.includes('*')) return { problem: `the host "${rawHost}" has a wildcard: a call goes to one host` };
  const hostProblem = host.length === 0 ? 'the host is empty' : fqdnProblem(host);
  if (hostProblem) return { problem: `the host "${rawHost}" is not a DNS name (${hostProblem})` };
  if (rawPort === undefined) return { call: { host } };
  const port = /^[0-9]+$/.test(rawPort) ? Number(rawPort) : NaN;
  const portProblem = portNumberProblem(port);
  if (portProblem) return { problem: `the port "${rawPort}" is invalid: ${portProblem}` };
  return { call: { host, port } };
}

/** Every entry of the annotation's comma-separated value, in order, read or with its problem. */
export function parseCallList(value: string): CallItem[] {
  return value.split(',').map((text, index) => {
    const read = parseCallEntry(text);
    return 'call' in read ? { text, index, call: read.call } : { text, index, problem: read.problem };
  });
}

/** `reviews.bookinfo:9080`: how an entry is written back. */
export function formatCall(call: CallEntry): string {
  return call.port === undefined ? call.host : `${call.host}:${call.port}`;
}
