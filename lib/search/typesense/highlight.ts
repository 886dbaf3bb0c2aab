import type { SearchResponseHit } from "typesense";
import type { SearchDocument } from "../document";

// Highlight markers Typesense inserts around matched words. Private-use
// characters rather than <mark>: the highlight is not HTML-escaped, and a
// title is far less likely to contain these than the text "<mark>".
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export type Hit = SearchResponseHit<SearchDocument>;

function escapeHtml(text: string): string {
  // Element content only (never an attribute), so &, < and > are enough.
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Typesense's highlighted title (not HTML-escaped), from the current or the legacy highlight structure. */
function rawTitleHighlight(hit: Hit): string | undefined {
  const current = hit.highlight?.title;
  const legacy = hit.highlights?.find((h) => h.field === "title");
  return current?.value ?? current?.snippet ?? legacy?.value ?? legacy?.snippet;
}

/**
 * The title as HTML with matched words in <mark>. Only when the highlight is
 * exactly the title plus markers: a cut snippet, or a title that itself holds
 * a marker character, gets no highlight rather than a wrong one.
 */
export function highlightedTitleOf(hit: Hit, title: string): string | undefined {
  const raw = rawTitleHighlight(hit);
  if (!raw?.includes(MARK_START)) return undefined;
  if (raw.replaceAll(MARK_START, "").replaceAll(MARK_END, "") !== title) return undefined;
  return escapeHtml(raw).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

type Matches = { performers: number[]; venue: boolean };

const matched = (tokens: unknown) => Array.isArray(tokens) && tokens.length > 0;

/** Which performers (by position) and whether the venue matched, from either highlight structure. */
export function matchesOf(hit: Hit): Matches {
  const current = hit.highlight;
  const performers = new Set<number>();
  current?.performers?.forEach((entry, index) => {
    if (matched(entry?.matched_tokens)) performers.add(index);
  });
  let venue = matched(current?.venueName?.matched_tokens);
  for (const legacy of hit.highlights ?? []) {
    if (legacy.field === "performers") legacy.indices?.forEach((index) => performers.add(index));
    if (legacy.field === "venueName") venue = true;
  }
  return { performers: [...performers].sort((a, b) => a - b), venue };
}
