/**
 * "Did you mean ...?" for typos in ids, keys and function names.
 * Optimal-string-alignment distance: Levenshtein (insert, delete, substitute)
 * plus the swap of two adjacent letters, the commonest typo. O(a*b).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo
 * (distance at most a third of the word's length, and at least 1 allowed edit),
 * or one is a prefix of the other (`aws` for `aws_cloud`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean "x"?)` or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : `did you mean "${c}"?`;
}

/** `a, b, c` for messages, shortened after `max` items. */
export function listForMessage(items: readonly string[], max = 12): string {
  if (items.length === 0) return "(none)";
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown}, ... (${items.length - max} more)` : shown;
}
