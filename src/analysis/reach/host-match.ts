// Host names as istiod matches them (its host.Name SubsetOf): a wildcard only in the first label,
// "*" alone for every host. An exact egress host never imports a wildcard ServiceEntry host that
// covers it: istiod imports a service when the service's host is a subset of the imported one.

/** Every name `name` stands for is also covered by `pattern`. */
export function isSubsetOf(name: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (name.startsWith('*')) return pattern.startsWith('*') && name.slice(1).endsWith(pattern.slice(1));
  if (pattern.startsWith('*')) return name.endsWith(pattern.slice(1));
  return name === pattern;
}

/**
 * The wildcard names that cover an exact host, most specific first, ending with "*":
 * `a.b.example.com` gives `*.b.example.com`, `*.example.com`, `*.com`, `*`.
 */
export function coveringWildcards(host: string): string[] {
  const result: string[] = [];
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) result.push(`*${host.slice(dot)}`);
  result.push('*');
  return result;
}
