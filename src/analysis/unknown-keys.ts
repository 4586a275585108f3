import { nearMiss } from './schema/near-miss';

/**
 * What is wrong with the keys of `given` that `known` does not list, or undefined when there are
 * none: for settings that arrive as plain objects (JavaScript, every jsii language, cdk8s.yaml),
 * where a misspelt or renamed key would otherwise be ignored without a word. `renamed` maps old
 * keys to what replaces them, the fix a near miss cannot find; `what` names a key, and several.
 */
export function unknownKeysProblem(
  given: object | undefined | null,
  known: readonly string[],
  what: readonly [one: string, many: string],
  renamed: { readonly [old: string]: string } = {},
): string | undefined {
  if (given === undefined || given === null) return undefined;
  const extra = Object.keys(given).filter((key) => !known.includes(key) && (given as { [key: string]: unknown })[key] !== undefined);
  if (extra.length === 0) return undefined;
  const expected = `expected ${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}`;
  if (extra.length > 1) return `unknown ${what[1]} ${extra.map((k) => `"${k}"`).join(', ')}; ${expected}`;
  const [key] = extra;
  const fix = Object.prototype.hasOwnProperty.call(renamed, key) ? renamed[key] : nearMiss(key, known);
  return `unknown ${what[0]} "${key}"${fix ? ` (did you mean "${fix}"?)` : ''}; ${expected}`;
}
