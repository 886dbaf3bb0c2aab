import type { SearchResponse } from "typesense";
import type { SearchDocument } from "../document";
import type { FacetCount, SearchFacets, SearchHit, Suggestion } from "../engine";
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

/** Performers and venues first (each leads to every event of theirs), then events; no repeats. */
export function suggestionsFrom(hits: Hit[], limit: number): Suggestion[] {
  const names: Suggestion[] = [];
  const events: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (list: Suggestion[], suggestion: Suggestion) => {
    const key = `${suggestion.kind}:${suggestion.label.toLocaleLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(suggestion);
  };
  const byName = (kind: "performer" | "venue", label: string): Suggestion => ({
    kind,
    label,
    href: `/search?q=${encodeURIComponent(label)}`,
  });

  for (const hit of hits) {
    const { document } = hit;
    const { performers, venue } = matchesOf(hit);
    for (const index of performers) {
      const performer = document.performers[index];
      if (performer) add(names, byName("performer", performer));
    }
    if (venue) add(names, byName("venue", document.venueName));
    add(events, { kind: "event", label: document.title, href: `/events/${encodeURIComponent(document.slug)}` });
  }
  return [...names, ...events].slice(0, limit);
}
