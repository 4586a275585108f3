// Finds the field a misspelt name most likely meant: "hostz" -> "hosts",
// "capture_mode" -> "captureMode".

/** Letters only, lower case: snake_case, kebab-case and camelCase spellings compare equal. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Edit distance where swapping two neighbouring letters counts as one edit. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[i].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}

/** The known name `name` is an obvious slip for, or undefined when none is close enough. */
export function nearMiss(name: string, known: readonly string[]): string | undefined {
  const normalized = normalize(name);
  const sameLetters = known.find((candidate) => normalize(candidate) === normalized);
  if (sameLetters) return sameLetters;
  // Short names are close to too many others: allow one edit up to 4 letters, two above.
  const allowed = normalized.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of known) {
    const other = normalize(candidate);
    // The distance is at least the difference in length: skip the quadratic computation (a
    // 1 MB field name from hostile input would otherwise take seconds and hundreds of MB).
    if (Math.abs(normalized.length - other.length) > allowed) continue;
    const distance = editDistance(normalized, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
