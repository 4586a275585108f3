// Keys of a plain object (props or settings from JavaScript, every jsii language, cdk8s.yaml)
// that the receiver does not know: a misspelt or renamed key would otherwise be ignored without
// a word. The constructs' props checks and the settings checks share these.
import { nearMiss } from './schema/near-miss';

/**
 * Every key of `T`, each written once: the compiler rejects a missing or a foreign name, so the
 * list cannot drift from the interface it mirrors.
 */
export type PropNames<T> = { readonly [K in keyof Required<T>]: true };

/**
 * The own keys of `given` that `names` does not list, in order; keys set to undefined count as
 * left out. Own keys only, so a key named like an Object.prototype member cannot slip through.
 */
export function unknownKeys(given: object | undefined | null, names: PropNames<any>): string[] {
  if (given === undefined || given === null) return [];
  return Object.entries(given)
    .filter(([key, value]) => value !== undefined && !Object.prototype.hasOwnProperty.call(names, key))
    .map(([key]) => key);
}

/** The key `key` most likely meant: what `renamed` says replaced it, else the nearest known name. */
export function likelyKey(key: string, names: PropNames<any>, renamed: { readonly [old: string]: string } = {}): string | undefined {
  return Object.prototype.hasOwnProperty.call(renamed, key) ? renamed[key] : nearMiss(key, Object.keys(names));
}

/**
 * What is wrong with the keys of `given` that `names` does not list, or undefined when there are
 * none; `what` names a key, and several.
 */
export function unknownKeysProblem(
  given: object | undefined | null,
  names: PropNames<any>,
  what: readonly [one: string, many: string],
  renamed: { readonly [old: string]: string } = {},
): string | undefined {
  const extra = unknownKeys(given, names);
  if (extra.length === 0) return undefined;
  const known = Object.keys(names);
  const expected = `expected ${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}`;
  if (extra.length > 1) return `unknown ${what[1]} ${extra.map((k) => `"${k}"`).join(', ')}; ${expected}`;
  const [key] = extra;
  const fix = likelyKey(key, names, renamed);
  return `unknown ${what[0]} "${key}"${fix ? ` (did you mean "${fix}"?)` : ''}; ${expected}`;
}
