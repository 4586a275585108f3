// The engine's two caches: a value kept on the engine object it is about (objectMemo), and a
// pure parse remembered by its text (memoByText). Both must compute once, and neither may leak
// into what the objects look like from outside.
import { stringMap } from '../../src/analysis/manifest';
import { objectMemo } from '../../src/analysis/object-memo';
import { memoByText } from '../../src/analysis/syntax/memo-by-text';

describe('objectMemo', () => {
  test('computes once per object, and separately for each object', () => {
    const compute = jest.fn((o: { n: number }) => ({ doubled: o.n * 2 }));
    const memo = objectMemo('test', compute);
    const a = { n: 1 };
    const b = { n: 2 };
    expect(memo(a)).toBe(memo(a));
    expect(memo(b).doubled).toBe(4);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test('the kept value is invisible to keys, JSON and spreads', () => {
    const memo = objectMemo('test', () => ({ big: true }));
    const object = { n: 1 };
    memo(object);
    expect(Object.keys(object)).toEqual(['n']);
    expect(JSON.stringify(object)).toBe('{"n":1}');
    expect({ ...object }).toEqual({ n: 1 });
    // A copy is another object: it gets its own value.
    const copy = { ...object };
    expect(memo(copy)).not.toBe(memo(object));
  });

  test('two memos on one object keep two values', () => {
    const first = objectMemo('first', () => 'a');
    const second = objectMemo('second', () => 'b');
    const object = {};
    expect([first(object), second(object), first(object)]).toEqual(['a', 'b', 'a']);
  });
});

describe('memoByText', () => {
  test('parses each text once while it is remembered', () => {
    const parse = jest.fn((text: string) => [text.length]);
    const memo = memoByText(parse);
    expect(memo('./*')).toBe(memo('./*'));
    memo('istio-system/*');
    expect(parse).toHaveBeenCalledTimes(2);
  });

  test('forgets everything past its limit rather than growing', () => {
    const parse = jest.fn((text: string) => ({ text }));
    const memo = memoByText(parse, 2);
    const a = memo('a');
    memo('b');
    memo('c'); // the third distinct text: the two before are forgotten
    expect(memo('a')).not.toBe(a);
    expect(memo('c')).toEqual({ text: 'c' });
    expect(parse).toHaveBeenCalledTimes(4);
  });
});

describe('stringMap', () => {
  test.each([
    ['all strings: the map itself, not a copy', { app: 'web', version: 'v1' }, { app: 'web', version: 'v1' }, true],
    ['a non-string value: a copy without it', { app: 'web', replicas: 3 }, { app: 'web' }, false],
    ['empty', {}, {}, true],
  ])('%s', (_name, labels, expected, same) => {
    const result = stringMap(labels);
    expect(result).toEqual(expected);
    expect(result === labels).toBe(same);
  });

  test.each([['a list', ['a']], ['a string', 'app=web'], ['null', null]])('%s is no map', (_name, value) => {
    expect(stringMap(value)).toBeUndefined();
  });
});
