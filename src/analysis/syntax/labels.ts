// Kubernetes label grammar. Istio does not check it, but a selector that breaks it can never
// match a pod, so the library holds selectors to it.
const NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !SUBDOMAIN.test(prefix))) {
    return 'expected the prefix before "/" to be a lower-case DNS subdomain of at most 253 characters, e.g. "app.kubernetes.io/name"';
  }
  if (name.length === 0 || name.length > 63 || !NAME.test(name)) {
    return 'expected a label name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, e.g. "app"';
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !NAME.test(value)) {
    return 'expected at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)';
  }
  return undefined;
}
