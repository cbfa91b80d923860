/**
 * Suggests the nearest known word for a typo ("partnr" -> "partner"), if one is close
 * enough. Only candidates whose length is within the allowed distance are compared,
 * and each comparison stops as soon as it cannot beat the best so far, so a file with
 * thousands of unknown ids against thousands of known ones stays fast.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // Allow roughly one typo per four characters; beyond that a suggestion misleads more than it helps.
  const allowed = Math.max(1, Math.floor(word.length / 4));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = boundedEditDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
      if (distance === 0) break;
    }
  }
  return best;
}

/** Levenshtein distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // Every later row is at least this row's minimum.
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
