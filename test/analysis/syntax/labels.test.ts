import { LABEL_VALUE_MAX_LENGTH, labelKeyProblem, labelValueCharactersProblem, labelValueProblem } from '../../../src/analysis/syntax/labels';

const NAME_REASON = 'expected a label name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, e.g. "app"';
const PREFIX_REASON = 'expected the prefix before "/" to be a lower-case DNS subdomain of at most 253 characters, e.g. "app.kubernetes.io/name"';
const VALUE_REASON = 'expected at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)';
const CHARACTERS_REASON = 'expected letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)';

describe('labelKeyProblem', () => {
  test.each([
    ['a plain name', 'app'],
    ['upper case, digits, "-", "_" and "."', 'My_App-1.x'],
    ['a prefixed name', 'app.kubernetes.io/name'],
    ['a one-letter name', 'a'],
    ['a 63-character name', 'a'.repeat(63)],
    ['a 253-character prefix', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}/x`],
  ])('valid: %s', (_name, key) => {
    expect(labelKeyProblem(key)).toBeUndefined();
  });

  test.each([
    ['empty', '', NAME_REASON],
    ['a space', 'bad key', NAME_REASON],
    ['starts with "-"', '-app', NAME_REASON],
    ['ends with "."', 'app.', NAME_REASON],
    ['a 64-character name', 'a'.repeat(64), NAME_REASON],
    ['an empty name after the prefix', 'example.com/', NAME_REASON],
    ['two slashes', 'example.com/a/b', NAME_REASON],
    ['an empty prefix', '/app', PREFIX_REASON],
    ['an upper-case prefix', 'Example.com/app', PREFIX_REASON],
    ['an underscore in the prefix', 'my_org.io/app', PREFIX_REASON],
    ['a 254-character prefix', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}/x`, PREFIX_REASON],
  ])('invalid: %s', (_name, key, reason) => {
    expect(labelKeyProblem(key)).toBe(reason);
  });
});

describe('labelValueProblem', () => {
  test.each([
    ['empty', ''],
    ['a plain value', 'ratings'],
    ['upper case, digits, "-", "_" and "."', 'V1_beta-2.x'],
    ['63 characters', 'a'.repeat(LABEL_VALUE_MAX_LENGTH)],
  ])('valid: %s', (_name, value) => {
    expect(labelValueProblem(value)).toBeUndefined();
  });

  test.each([
    ['64 characters', 'a'.repeat(64)],
    ['a space', 'a b'],
    ['a "/"', 'a/b'],
    ['a wildcard', '*'],
    ['ends with "-"', 'v1-'],
  ])('invalid: %s', (_name, value) => {
    expect(labelValueProblem(value)).toBe(VALUE_REASON);
  });
});

describe('labelValueCharactersProblem', () => {
  test.each([
    ['empty', ''],
    ['a plain value', 'ratings'],
    ['a long value of valid characters (length is left to the caller)', 'a'.repeat(100)],
  ])('valid: %s', (_name, value) => {
    expect(labelValueCharactersProblem(value)).toBeUndefined();
  });

  test.each([
    ['a space', 'a b'],
    ['starts with "."', '.hidden'],
    ['a long value with a space', `${'a'.repeat(70)} b`],
  ])('invalid: %s', (_name, value) => {
    expect(labelValueCharactersProblem(value)).toBe(CHARACTERS_REASON);
  });
});
