// Turning what a fan typed into search tokens, and correcting misspelled ones.

const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

/** Lower-case, accent-free words of a query; everything that is not a letter or digit separates words. */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .slice(0, 500)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

/** Optimal string alignment distance: Levenshtein plus swapped neighbours ("swfit" → "swift" is one edit). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits a word of this length may be away from a known word and still count as a typo of it. */
export function allowedEdits(token: string): number {
  return token.length <= 3 ? 0 : token.length <= 5 ? 1 : 2;
}

/** The closest known word within the allowed edits, preferring fewer edits, then the candidate order given. */
export function bestCorrection(token: string, candidates: string[]): string | null {
  let best: { word: string; distance: number } | null = null;
  for (const word of candidates) {
    const distance = editDistance(token, word);
    if (distance <= allowedEdits(token) && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word ?? null;
}
