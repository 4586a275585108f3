import { isIPv4, isIPv6 } from 'net';
import { SyntaxProblem } from './problem';

export const UNIX_SCHEME = 'unix://';

/** A literal IPv4 or IPv6 address: no brackets, no CIDR suffix, no host name. */
export function isIpAddress(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/**
 * Problem with the part of a `unix://` address after the scheme, or undefined.
 * Istio takes an abstract socket (`@name`) or an absolute path to a file.
 */
export function unixAddressProblem(address: string): string | undefined {
  if (address.length === 0) return 'expected a socket path after "unix://", e.g. "unix:///var/run/app.sock"';
  if (address.startsWith('@')) return undefined;
  if (!address.startsWith('/') || address.endsWith('/')) {
    return 'expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"';
  }
  return undefined;
}

/** The hosts Istio accepts in a TCP `defaultEndpoint`, compared as exact strings. */
export const DEFAULT_ENDPOINT_HOSTS: readonly string[] = ['127.0.0.1', '0.0.0.0', '::1', '::', ''];

const DEFAULT_ENDPOINT_FORMS = '"127.0.0.1:<port>", "0.0.0.0:<port>", "[::1]:<port>", "[::]:<port>", ":<port>" or "unix://<path>"';

/** Splits `host:port` the way Go's net.SplitHostPort does; undefined when it would fail. */
export function splitHostPort(value: string): { host: string; port: string; missingPort: boolean } | undefined {
  const lastColon = value.lastIndexOf(':');
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return undefined;
    if (close === value.length - 1) return { host: '', port: '', missingPort: true };
    if (close + 1 !== lastColon) return undefined;
    const host = value.slice(1, close);
    if (/[[\]]/.test(host) || /[[\]]/.test(value.slice(close + 1))) return undefined;
    return { host, port: value.slice(lastColon + 1), missingPort: false };
  }
  if (lastColon < 0) return { host: '', port: '', missingPort: true };
  const host = value.slice(0, lastColon);
  if (host.includes(':') || /[[\]]/.test(value)) return undefined;
  return { host, port: value.slice(lastColon + 1), missingPort: false };
}

/** Parses a port the way Go's strconv.Atoi does (optional sign, decimal digits only). */
export function parseDecimalPort(text: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** Problems with an ingress listener's `defaultEndpoint`, each tied to its rule. */
export function defaultEndpointProblems(value: string): SyntaxProblem[] {
  if (value.startsWith(UNIX_SCHEME)) {
    const problem = unixAddressProblem(value.slice(UNIX_SCHEME.length));
    return problem ? [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-UDS', reason: problem }] : [];
  }
  const split = splitHostPort(value);
  if (!split) {
    return [{ ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST', reason: `expected one of ${DEFAULT_ENDPOINT_FORMS}` }];
  }
  const problems: SyntaxProblem[] = [];
  if (!DEFAULT_ENDPOINT_HOSTS.includes(split.host)) {
    problems.push({
      ruleId: 'S-IN-DEFAULT-ENDPOINT-HOST',
      reason: `the host "${split.host}" is not one Istio forwards to; expected one of ${DEFAULT_ENDPOINT_FORMS}`,
    });
  }
  const port = parseDecimalPort(split.port);
  if (split.missingPort) {
    problems.push({ ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT', reason: `the port is missing; expected one of ${DEFAULT_ENDPOINT_FORMS}` });
  } else if (port === undefined) {
    problems.push({
      ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT',
      reason: `the port ${JSON.stringify(split.port)} is not a number; expected one of ${DEFAULT_ENDPOINT_FORMS}`,
    });
  } else if (port < 1 || port > 65535) {
    problems.push({ ruleId: 'S-IN-DEFAULT-ENDPOINT-PORT', reason: `the port ${port} is outside 1..65535` });
  }
  return problems;
}
