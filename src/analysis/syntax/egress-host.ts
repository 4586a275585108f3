import { isDns1123Label, wildcardDomainProblem } from './dns';
import { SyntaxProblem } from './problem';

/** The parts of a `namespace/dnsName` egress host, with the exclusion marker taken off the namespace. */
export interface EgressHostParts {
  /** The host starts with "~": it subtracts from what the listener imports. */
  readonly exclusion: boolean;
  /** "" (only after "~"), "*", "." or a namespace name. */
  readonly namespace: string;
  readonly dnsName: string;
}

/** Splits at the first "/"; undefined when there is none. Does not validate. */
export function splitEgressHost(host: string): EgressHostParts | undefined {
  const slash = host.indexOf('/');
  if (slash < 0) return undefined;
  const rawNamespace = host.slice(0, slash);
  const exclusion = rawNamespace.startsWith('~');
  return {
    exclusion,
    namespace: exclusion ? rawNamespace.slice(1) : rawNamespace,
    dnsName: host.slice(slash + 1),
  };
}

const EXAMPLE = 'e.g. "*/foo.com", "./*" or "istio-system/*"';

/**
 * Every problem Istio's webhook finds in one Sidecar egress host, in the order it checks them.
 * Istio stops at the first problem of a host, and so do we: the list has at most one entry.
 */
export function egressHostProblems(host: string): SyntaxProblem[] {
  const problem = firstProblem(host);
  return problem ? [problem] : [];
}

function firstProblem(host: string): SyntaxProblem | undefined {
  const parts = splitEgressHost(host);
  if (!parts) {
    return { ruleId: 'S-HOST-FORMAT', reason: `expected "<namespace>/<dnsName>", ${EXAMPLE}` };
  }
  const rawNamespace = parts.exclusion ? `~${parts.namespace}` : parts.namespace;
  if (rawNamespace.length === 0 || parts.dnsName.length === 0) {
    return { ruleId: 'S-HOST-EMPTY-PART', reason: `both the namespace and the DNS name must be non-empty; ${EXAMPLE}` };
  }
  const ns = parts.namespace;
  if (ns !== '' && ns !== '*' && ns !== '.' && !isDns1123Label(ns)) {
    return {
      ruleId: 'S-HOST-NAMESPACE',
      reason: `the namespace "${ns}" must be "*", ".", or a namespace name (a DNS label of at most 63 letters, digits and "-"), optionally after one "~"`,
    };
  }
  const dnsName = parts.dnsName;
  if (dnsName === '*') return undefined;
  if (dnsName.includes('*') && !dnsName.startsWith('*.')) {
    return { ruleId: 'S-HOST-PARTIAL-WILDCARD', reason: `"*" may only be the whole DNS name or its first label ("*.example.com")` };
  }
  if (!dnsName.includes('.')) {
    return {
      ruleId: 'S-HOST-SHORT-NAME',
      reason: `the DNS name "${dnsName}" is a short name; write it fully qualified, e.g. "${dnsName}.<namespace>.svc.cluster.local", or "*"`,
    };
  }
  const dnsProblem = wildcardDomainProblem(dnsName);
  if (dnsProblem) return { ruleId: 'S-HOST-DNS', reason: `the DNS name is invalid: ${dnsProblem}` };
  return undefined;
}
