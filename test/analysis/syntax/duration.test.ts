import { durationProblem, parseDuration, parseDurationNanos, truncatedMilliseconds } from '../../../src/analysis/syntax/duration';

describe('parseDurationNanos (Go time.ParseDuration)', () => {
  test.each([
    ['0', 0n],
    ['-0', 0n],
    ['0s', 0n],
    ['1ns', 1n],
    ['1us', 1_000n],
    ['1µs', 1_000n],
    ['1μs', 1_000n],
    ['300ms', 300_000_000n],
    ['1.5s', 1_500_000_000n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['1h2m3s', 3_723_000_000_000n],
    ['1m30s', 90_000_000_000n],
    ['+2s', 2_000_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['1.001s', 1_001_000_000n],
    ['1.0000000009s', 1_000_000_000n],
    ['2562047h47m16.854775807s', 9_223_372_036_854_775_807n],
  ])('%s -> %s ns', (text, nanos) => {
    expect(parseDurationNanos(text)).toBe(nanos);
  });

  test.each([
    ['', 'empty'],
    ['1', 'a number without a unit'],
    ['s', 'a unit without a number'],
    ['.s', 'a lone dot'],
    ['1sec', 'an unknown unit'],
    ['1d', 'days are not a Go unit'],
    ['1 s', 'a space'],
    ['1S', 'upper-case unit'],
    ['--1s', 'a double sign'],
    ['2562047h47m16.854775808s', 'more than int64 nanoseconds'],
  ])('%s is not a duration (%s)', (text) => {
    expect(parseDurationNanos(text)).toBeUndefined();
  });

  test('parseDuration gives a number', () => {
    expect(parseDuration('1.5s')).toBe(1.5e9);
    expect(parseDuration('nope')).toBeUndefined();
  });

  test('truncatedMilliseconds truncates toward zero like Go', () => {
    expect(truncatedMilliseconds(999_999n)).toBe(0n);
    expect(truncatedMilliseconds(-999_999n)).toBe(0n);
    expect(truncatedMilliseconds(1_500_000n)).toBe(1n);
    expect(truncatedMilliseconds(-1_500_000n)).toBe(-1n);
  });
});

describe('durationProblem (connection-pool durations)', () => {
  test.each(['1ms', '0.001s', '1.5s', '1m', '1h', '30ms', '1000us'])('%s is valid', (text) => {
    expect(durationProblem(text)).toBeUndefined();
  });

  test.each([
    ['0s', 'expected at least 1ms'],
    ['500us', 'expected at least 1ms'],
    ['-1s', 'expected at least 1ms'],
    ['1500us', 'expected a whole number of milliseconds (Istio supports no finer precision)'],
    ['1.0001s', 'expected a whole number of milliseconds (Istio supports no finer precision)'],
    ['10', 'expected a duration such as "500ms", "1.5s" or "1m"'],
    ['ten seconds', 'expected a duration such as "500ms", "1.5s" or "1m"'],
  ])('%s -> %s', (text, reason) => {
    expect(durationProblem(text)).toBe(reason);
  });
});
