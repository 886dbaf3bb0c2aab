import type { EventCategory } from "@/lib/generated/prisma/enums";

// The words a fan types for a category. A query word that is one of them matches every event of that
// category: PostgreSQL matches it as the category, or as a word of a title or performer
// (lib/search/postgres.ts); Typesense indexes these words with each event (document.ts), so there the
// word also matches the other searched fields, a venue's name among them.
// Lower-case, accent-free, as queryTokens() writes words.
export const CATEGORY_WORDS: Record<EventCategory, readonly string[]> = {
  CONCERT: ["concert", "concerts", "music", "gig", "gigs"],
  SPORTS: ["sport", "sports"],
  THEATRE: ["theatre", "theater", "theatres", "theaters", "musical", "musicals"],
  COMEDY: ["comedy", "comedian", "comedians", "standup"],
  FAMILY: ["family", "kids", "children"],
};

const CATEGORY_OF_WORD = new Map(
  Object.entries(CATEGORY_WORDS).flatMap(([category, words]) =>
    words.map((word) => [word, category as EventCategory] as const),
  ),
);

/** Every category word, for typo correction ("comdy" → "comedy"). */
export const ALL_CATEGORY_WORDS: readonly string[] = [...CATEGORY_OF_WORD.keys()];

/** The category a query word names, if any. */
export function categoryOfWord(word: string): EventCategory | null {
  return CATEGORY_OF_WORD.get(word) ?? null;
}
