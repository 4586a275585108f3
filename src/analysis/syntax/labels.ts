// Kubernetes label grammar. Istio does not check it, but a selector that breaks it can never
// match a pod, so the library holds selectors to it.
const NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** The longest label value (and label name) Kubernetes accepts. */
export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_PREFIX_MAX_LENGTH = 253;

export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > LABEL_PREFIX_MAX_LENGTH || !SUBDOMAIN.test(prefix))) {
    return 'expected the prefix before "/" to be a lower-case DNS subdomain of at most 253 characters, e.g. "app.kubernetes.io/name"';
  }
  if (name.length === 0 || name.length > LABEL_VALUE_MAX_LENGTH || !NAME.test(name)) {
    return 'expected a label name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, e.g. "app"';
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > LABEL_VALUE_MAX_LENGTH || !NAME.test(value)) {
    return 'expected at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)';
  }
  return undefined;
}

/**
 * Problem with the characters of a label value, leaving its length aside (for callers that
 * report an over-long value on its own), or undefined.
 */
export function labelValueCharactersProblem(value: string): string | undefined {
  if (value === '' || NAME.test(value)) return undefined;
  return 'expected letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)';
}
