// A pure parse of a string, remembered for the strings a run sees again: the same egress host
// ("./*", "istio-system/*") or endpoint is written in most Sidecars of a mesh. Bounded, so a long
// synth process or a mesh of unique values never grows it past `limit` entries.
export function memoByText<T>(parse: (text: string) => T, limit = 10_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    const value = parse(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, value);
    return value;
  };
}
