import "server-only";
import type { Db } from "@/lib/db";
import { ALL_CATEGORY_WORDS, categoryOfWord } from "./category-words";
import { bestCorrection, queryTokens } from "./query-text";

// One typo correction for the PostgreSQL engine's search and its suggestions, so that what the header
// suggests for "luna marqz" is what pressing Enter finds.

// Shorter words match only whole: "a:*" would expand to most of the catalogue.
export const MIN_PREFIX = 3;

// Nearest names looked at before the public check, so a run of stale ones (events cancelled or
// ended since the last prune) costs a bounded number of checks.
const NAME_CANDIDATES_PER_NAME = 4;

export type Correction = {
  /** The words searched for: known words as typed, misspelled ones corrected. */
  tokens: string[];
  /** Whether a word was changed. */
  corrected: boolean;
  /** Whether a word stayed unknown (nothing close enough). */
  unknown: boolean;
};

/**
 * Performer and venue names near what was typed (by prefix, or trigram similarity), each still used by a
 * published event that has not started (marquee_search_term_public, an index lookup per name): a cancelled
 * or ended event's names disappear at once, not at the next prune.
 */
export function publicNames(db: Db, phrase: string, limit: number, now: Date) {
  return db.$queryRaw<{ kind: "performer" | "venue"; term: string; label: string }[]>`
    SELECT c.kind, c.term, c.label FROM (
      SELECT kind, term, label, term <-> ${phrase} AS distance FROM search_terms
      WHERE kind IN ('performer', 'venue') AND (term LIKE ${phrase} || '%' OR term LIKE '% ' || ${phrase} || '%' OR term % ${phrase})
      ORDER BY distance
      LIMIT ${limit * NAME_CANDIDATES_PER_NAME}
    ) c
    WHERE marquee_search_term_public(c.kind, c.term, ${now}::timestamp)
    ORDER BY c.distance
    LIMIT ${limit}`;
}

/**
 * Word by word: known words (or prefixes of them, for search-as-you-type) and category words stay;
 * misspelled ones become the nearest known word by trigram distance and edit distance ("swfit" → "swift").
 */
async function correctWords(db: Db, tokens: string[]): Promise<Correction> {
  const rows = await db.$queryRaw<{ token: string; known: boolean; candidates: string[] | null }[]>`
    SELECT t.token,
      EXISTS (
        SELECT 1 FROM search_terms
        WHERE kind = 'word' AND (term = t.token OR (length(t.token) >= ${MIN_PREFIX} AND term LIKE t.token || '%'))
      ) AS known,
      ARRAY(SELECT term FROM search_terms WHERE kind = 'word' ORDER BY term <-> t.token LIMIT 12) AS candidates
    FROM unnest(${tokens}::text[]) WITH ORDINALITY AS t(token, position)
    ORDER BY t.position`;
  let corrected = false;
  let unknown = false;
  const result = rows.map((row) => {
    if (row.known || categoryOfWord(row.token)) return row.token;
    const fix = bestCorrection(row.token, [...(row.candidates ?? []), ...ALL_CATEGORY_WORDS]);
    if (fix) corrected = true;
    else unknown = true;
    return fix ?? row.token;
  });
  return { tokens: result, corrected, unknown };
}

/**
 * What a query means. Word by word first; when a word is still unknown, the whole phrase is compared with
 * the public performer and venue names, with the same edit budget as a word of its length ("luna marqz"
 * is two edits from "luna marquez", as "marqz" alone is too far from "marquez").
 */
export async function correctQuery(db: Db, q: string | undefined, now: Date): Promise<Correction> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return { tokens, corrected: false, unknown: false };
  const words = await correctWords(db, tokens);
  if (!words.unknown) return words;
  const phrase = tokens.join(" ");
  const names = await publicNames(db, phrase, 5, now);
  const name = bestCorrection(
    phrase,
    names.map((n) => n.term),
  );
  return name ? { tokens: queryTokens(name), corrected: true, unknown: false } : words;
}
