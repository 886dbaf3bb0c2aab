import type { SearchResponse } from "typesense";
import type { SearchDocument } from "../document";
import type { FacetCount, SearchFacets, SearchHit, Suggestion } from "../engine";
import { eventSuggestions, type EventSuggestionSource } from "../suggestion-labels";
import { highlightedTitleOf, matchesOf, type Hit } from "./highlight";

type HitDocument = Omit<SearchDocument, "description" | "tags" | "categoryWords">;

/** The document carries no "has ticket types" flag: both prices are 0 exactly when it has none (or only free ones). */
function fromPriceOf(document: HitDocument): SearchHit["fromPrice"] {
  return document.maxPriceMinor === 0 ? null : { amountMinor: document.minPriceMinor, currency: document.currency };
}

export function toHit(hit: Hit): SearchHit {
  const document: HitDocument = hit.document;
  const highlightedTitle = highlightedTitleOf(hit, document.title);
  return {
    id: document.id,
    slug: document.slug,
    title: document.title,
    category: document.category,
    status: document.status,
    startsAt: new Date(document.startsAt * 1000),
    onSaleAt: new Date(document.onSaleAt * 1000),
    performers: document.performers,
    venue: { name: document.venueName, city: document.city, timeZone: document.timeZone },
    fromPrice: fromPriceOf(document),
    soldOut: !document.available,
    ...(highlightedTitle === undefined ? {} : { highlightedTitle }),
  };
}

/** The facets of one or more responses, each facet taken from the response that counted it. */
export function facetsOf(responses: SearchResponse<SearchDocument>[]): SearchFacets {
  const counts = (field: string): FacetCount[] =>
    (responses.flatMap((r) => r.facet_counts ?? []).find((facet) => facet.field_name === field)?.counts ?? [])
      .map(({ value, count }) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { category: counts("category"), city: counts("city"), priceBand: counts("priceBand") };
}

/**
 * Performers and venues first (each leads to every event of theirs, once per name), then events
 * (once each; those of one title told apart by city or date).
 */
export function suggestionsFrom(hits: Hit[], limit: number, now: Date): Suggestion[] {
  const names: Suggestion[] = [];
  const events: EventSuggestionSource[] = [];
  const seen = new Set<string>();
  const addName = (kind: "performer" | "venue", label: string) => {
    const key = `${kind}:${label.toLocaleLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    names.push({ kind, label, href: `/search?q=${encodeURIComponent(label)}` });
  };

  for (const hit of hits) {
    const { document } = hit;
    const { performers, venue } = matchesOf(hit);
    for (const index of performers) {
      const performer = document.performers[index];
      if (performer) addName("performer", performer);
    }
    if (venue) addName("venue", document.venueName);
    const href = `/events/${encodeURIComponent(document.slug)}`;
    if (seen.has(href)) continue;
    seen.add(href);
    events.push({
      label: document.title,
      href,
      startsAt: new Date(document.startsAt * 1000),
      city: document.city,
      timeZone: document.timeZone,
    });
  }
  return [...names, ...eventSuggestions(events, now)].slice(0, limit);
}
