import type { EventCategory } from "@/lib/generated/prisma/enums";
import type { LocalDates } from "./local-dates";

/** What a fan (or an integrator) asks the catalogue; parsed and bounded by lib/search/schemas.ts. */
export type SearchQuery = {
  q?: string;
  city?: string;
  category?: EventCategory;
  /** Calendar days ("today", "this weekend", from/to days), each event's in its venue's time zone. */
  dates?: LocalDates;
  /** Absolute bounds (an API date-time with an offset); `to` is exclusive. */
  from?: Date;
  to?: Date;
  /** All-in price bounds in minor units: an event matches when one of its ticket types lies within. */
  minPriceMinor?: number;
  maxPriceMinor?: number;
  near?: { lat: number; lng: number; radiusKm: number };
  /** Only events with tickets left. */
  availableOnly?: boolean;
  /** The words as typed, without typo correction ("search instead for …"). */
  exact?: boolean;
  /** Past events and cancelled ones too; by default only published, upcoming events. */
  includePast?: boolean;
  sort: "relevance" | "date" | "price";
  page: number;
  pageSize: number;
  now: Date;
};

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  category: EventCategory;
  status: "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  /** When tickets go on sale ("On sale Fri, Jan 9" on a card until then). */
  onSaleAt: Date;
  performers: string[];
  venue: { name: string; city: string; timeZone: string };
  /** The lowest all-in price, or null for an event without ticket types. */
  fromPrice: { amountMinor: number; currency: string } | null;
  soldOut: boolean;
  /** The title with matched words wrapped in <mark>…</mark> (the rest HTML-escaped), when the engine can tell. */
  highlightedTitle?: string;
};

export type FacetCount = { value: string; count: number };

export type SearchFacets = { category: FacetCount[]; city: FacetCount[]; priceBand: FacetCount[] };

export type SearchResult = {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: SearchFacets;
  /** The corrected spelling the results are for, when the query was misspelled; never one that finds nothing. */
  didYouMean: string | null;
  /** Whether the items are for didYouMean ("showing results for …") rather than only offering it. */
  corrected: boolean;
};

export type Suggestion = {
  kind: "event" | "performer" | "venue";
  label: string;
  href: string;
  /** Tells apart suggestions with the same label: a city, a date, or both (lib/search/suggestion-labels.ts). */
  detail?: string;
};

/**
 * Event search. Two implementations pass one contract suite
 * (tests/integration/search-engine.contract.ts): PostgreSQL full-text with
 * pg_trgm (the default; reads live data, so it needs no index sync) and
 * Typesense (when TYPESENSE_URL and TYPESENSE_API_KEY are set; kept in sync
 * through the outbox).
 */
export interface SearchEngine {
  readonly kind: "postgres" | "typesense";
  search(query: SearchQuery): Promise<SearchResult>;
  suggest(q: string, options: { limit: number; now: Date }): Promise<Suggestion[]>;
  /** Brings one event's entry up to date (adds, updates, or removes it when no longer public). */
  syncEvent(eventId: string): Promise<void>;
}

/** Price bands offered as a facet, by all-in price in minor units. */
export const PRICE_BANDS = [
  { value: "under-25", min: 0, max: 2_499 },
  { value: "25-50", min: 2_500, max: 4_999 },
  { value: "50-100", min: 5_000, max: 9_999 },
  { value: "100-plus", min: 10_000, max: 2_147_483_647 },
] as const;

export function priceBandOf(amountMinor: number): string {
  return PRICE_BANDS.find((band) => amountMinor >= band.min && amountMinor <= band.max)!.value;
}
