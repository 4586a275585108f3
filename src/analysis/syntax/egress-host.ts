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
 * Every problem Istio's webhook finds in one Sidecar egress host, each tied to its rule.
 * Like Istio, the namespace and the DNS name are checked independently, so a host can have
 * several problems; a problem that only restates another (an empty part is also a short name)
 * is left out.
 */
export function egressHostProblems(host: string): SyntaxProblem[] {
  const parts = splitEgressHost(host);
  if (!parts) {
    return [{ ruleId: 'S-HOST-FORMAT', reason: `expected "<namespace>/<dnsName>", ${EXAMPLE}` }];
  }
  const problems: SyntaxProblem[] = [];
  const rawNamespace = parts.exclusion ? `~${parts.namespace}` : parts.namespace;
  if (rawNamespace.length === 0 || parts.dnsName.length === 0) {
    problems.push({ ruleId: 'S-HOST-EMPTY-PART', reason: `both the namespace and the DNS name must be non-empty; ${EXAMPLE}` });
  }
  const namespace = namespaceProblem(parts.namespace);
  if (namespace) problems.push(namespace);
  if (parts.dnsName.length > 0) problems.push(...dnsNameProblems(parts.dnsName));
  return problems;
}

// "" is only reachable after "~" (a bare "/" is an empty part): "~/x" excludes x everywhere.
function namespaceProblem(namespace: string): SyntaxProblem | undefined {
  if (namespace === '' || namespace === '*' || namespace === '.' || isDns1123Label(namespace)) return undefined;
  return {
    ruleId: 'S-HOST-NAMESPACE',
    reason: `the namespace "${namespace}" must be "*", ".", or a namespace name (a DNS label of at most 63 letters, digits and "-"), optionally after one "~"`,
  };
}

function dnsNameProblems(dnsName: string): SyntaxProblem[] {
  if (dnsName === '*') return [];
  const problems: SyntaxProblem[] = [];
  const partialWildcard = dnsName.includes('*') && !dnsName.startsWith('*.');
  if (!dnsName.includes('.')) {
    const example = partialWildcard ? '"*.example.com"' : `"${dnsName}.<namespace>.svc.cluster.local"`;
    problems.push({
      ruleId: 'S-HOST-SHORT-NAME',
      reason: `the DNS name "${dnsName}" is a short name; write it fully qualified, e.g. ${example}, or "*"`,
    });
  }
  if (partialWildcard) {
    problems.push({ ruleId: 'S-HOST-PARTIAL-WILDCARD', reason: '"*" may only be the whole DNS name or its first label ("*.example.com")' });
  }
  // Istio also fails the DNS check on a misplaced "*"; that is reported above, so the DNS
  // check only reports what stays wrong once the "*" is fixed.
  const starsFixed = partialWildcard ? dnsName.replace(/\*/g, 'x') : dnsName;
  const dnsProblem = wildcardDomainProblem(starsFixed) && wildcardDomainProblem(dnsName);
  if (dnsProblem) problems.push({ ruleId: 'S-HOST-DNS', reason: `the DNS name is invalid: ${dnsProblem}` });
  return problems;
}
