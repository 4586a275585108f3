// DNS name grammar as Istio checks it. Istio's label regex accepts upper case, so we do too:
// the engine must not reject what the cluster accepts.
const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const DNS1123_LABEL_MAX = 63;
const DOMAIN_MAX = 255;
// A first label may be "*", or a DNS label prefixed by "*" or "*-".
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const SIGNED_DIGITS = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Whether Go's strconv.Atoi reads `value` as a number, which is how Istio tells an IP address
 * from a host name: an optional sign, decimal digits, and a value that fits in 64 bits.
 */
export function isGoInteger(value: string): boolean {
  if (!SIGNED_DIGITS.test(value)) return false;
  const parsed = BigInt(value.startsWith('+') ? value.slice(1) : value);
  return parsed >= INT64_MIN && parsed <= INT64_MAX;
}

export function isDns1123Label(value: string): boolean {
  return value.length <= DNS1123_LABEL_MAX && DNS1123_LABEL.test(value);
}

/** Problem with a dot-separated list of DNS labels (a trailing dot is allowed), or undefined. */
export function dnsLabelsProblem(domain: string): string | undefined {
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1];
  if (isGoInteger(topLevel)) {
    return `the top-level label "${topLevel}" is all digits (IP addresses are not host names)`;
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (i === labels.length - 1 && label === '') return undefined;
    if (!isDns1123Label(label)) {
      return `the label "${label}" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit)`;
    }
  }
  return undefined;
}

function lengthProblem(domain: string): string | undefined {
  if (domain.length === 0) return 'the domain name is empty';
  if (domain.length > DOMAIN_MAX) return `the domain name is ${domain.length} characters long, more than ${DOMAIN_MAX}`;
  return undefined;
}

/** Problem with a fully-qualified, wildcard-free domain name, or undefined. */
export function fqdnProblem(domain: string): string | undefined {
  return lengthProblem(domain) ?? dnsLabelsProblem(domain);
}

/** Problem with a domain whose first label may be a wildcard, or undefined. */
export function wildcardDomainProblem(domain: string): string | undefined {
  const tooLong = lengthProblem(domain);
  if (tooLong) return tooLong;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (first.length > DNS1123_LABEL_MAX || !WILDCARD_LABEL.test(first)) {
    return `the label "${first}" is not a DNS label or wildcard`;
  }
  return dot < 0 ? undefined : dnsLabelsProblem(domain.slice(dot + 1));
}

const NAMESPACE_NAME = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;

/** Problem with a Kubernetes namespace name (a lower-case DNS label), or undefined. */
export function namespaceNameProblem(name: string): string | undefined {
  return typeof name === 'string' && name.length <= DNS1123_LABEL_MAX && NAMESPACE_NAME.test(name)
    ? undefined
    : 'expected a namespace name: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit, e.g. "istio-system"';
}
