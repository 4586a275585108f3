// Go duration syntax ("1h2m", "1.5s", "300ms"), the form Istio users write in YAML. Parsed the
// way Go's time.ParseDuration does, in exact integer nanoseconds so millisecond checks never
// suffer from floating-point rounding.
const UNIT_NANOS: { readonly [unit: string]: bigint } = {
  ns: 1n, us: 1_000n, µs: 1_000n, μs: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n,
};
const DURATION = /^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /([0-9]*)(?:\.([0-9]*))?(ns|us|µs|μs|ms|s|m|h)/g;
// Go durations are int64 nanoseconds; larger values are a parse error.
const MAX_NANOS = 2n ** 63n - 1n;
const MILLI = 1_000_000n;

/** The duration in nanoseconds, or undefined when Go would not parse the text. "0" is zero. */
export function parseDurationNanos(text: string): bigint | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0n;
  if (!DURATION.test(text)) return undefined;
  let total = 0n;
  for (const [, whole, fraction = '', unit] of text.matchAll(PART)) {
    const unitNanos = UNIT_NANOS[unit];
    total += BigInt(whole || '0') * unitNanos;
    // Go drops fraction digits beyond nanosecond resolution (truncating, not rounding).
    if (fraction !== '') total += (BigInt(fraction) * unitNanos) / 10n ** BigInt(fraction.length);
    if (total > MAX_NANOS + 1n) return undefined;
  }
  if (text.startsWith('-')) return -total;
  return total > MAX_NANOS ? undefined : total;
}

/** The duration in nanoseconds as a number (inexact beyond 2^53), or undefined when it is not a Go duration. */
export function parseDuration(text: string): number | undefined {
  const nanos = parseDurationNanos(text);
  return nanos === undefined ? undefined : Number(nanos);
}

/** The whole milliseconds of a duration, truncated toward zero like Go's Duration.Milliseconds(). */
export function truncatedMilliseconds(nanos: bigint): bigint {
  return nanos / MILLI;
}

export const DURATION_FORM = 'a duration such as "500ms", "1.5s" or "1m"';

/** Problem with a connection-pool duration (at least 1ms, whole milliseconds), or undefined. */
export function durationProblem(text: string): string | undefined {
  const nanos = parseDurationNanos(text);
  if (nanos === undefined) return `expected ${DURATION_FORM}`;
  if (nanos < MILLI) return 'expected at least 1ms';
  if (nanos % MILLI !== 0n) return 'expected a whole number of milliseconds (Istio supports no finer precision)';
  return undefined;
}
