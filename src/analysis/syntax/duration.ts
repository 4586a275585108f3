// Go duration syntax ("1h2m", "1.5s", "300ms"), the form Istio users write in YAML.
const UNIT_NANOS: { [unit: string]: number } = {
  'ns': 1, 'us': 1e3, 'µs': 1e3, 'μs': 1e3, 'ms': 1e6, 's': 1e9, 'm': 60e9, 'h': 3600e9,
};
const DURATION = /^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)/g;
const MILLI = 1e6;

/** The duration in nanoseconds, or undefined when the text is not a Go duration. "0" is zero. */
export function parseDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(PART)) {
    total += Number(match[1]) * UNIT_NANOS[match[2]];
  }
  return text.startsWith('-') ? -total : total;
}

export const DURATION_FORM = 'a duration such as "500ms", "1.5s" or "1m"';

/** Problem with a connection-pool duration (at least 1ms, whole milliseconds), or undefined. */
export function durationProblem(text: string): string | undefined {
  const nanos = parseDuration(text);
  if (nanos === undefined) return `expected ${DURATION_FORM}`;
  if (nanos < MILLI) return 'expected at least 1ms';
  if (Math.round(nanos) % MILLI !== 0) return 'expected a whole number of milliseconds';
  return undefined;
}
