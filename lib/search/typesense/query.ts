import type { SearchParams } from "typesense";
import { AppError } from "@/lib/errors";
import type { SearchDocument } from "../document";
import type { SearchQuery } from "../engine";
import type { DateWindow } from "../local-dates";
import { MARK_END, MARK_START } from "./highlight";

// Building Typesense search parameters from a SearchQuery.

const MAX_QUERY_LENGTH = 200;
const MAX_FILTER_VALUE_LENGTH = 200;
// Typesense refuses a larger per_page.
const MAX_PER_PAGE = 250;
const INT32_MAX = 2_147_483_647;
const MAX_RADIUS_KM = 20_040; // half the Earth's circumference: beyond it every point is in range
export const FACET_FIELDS = ["category", "city", "priceBand"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
const MAX_FACET_VALUES = 25;
// Prices are never negative, so this filter matches no document while staying valid syntax.
const MATCH_NOTHING = "minPriceMinor:<0";

/**
 * The fields free text is matched against, best first. Titles and performers
 * are what fans type; venue and city next; description and tags only break
 * ties. No prefix matching on descriptions: every half-typed word would match
 * somewhere in the prose.
 */
const QUERY_FIELDS = [
  { field: "title", weight: 8, prefix: true },
  { field: "performers", weight: 8, prefix: true },
  { field: "venueName", weight: 4, prefix: true },
  { field: "city", weight: 4, prefix: true },
  { field: "description", weight: 1, prefix: false },
  { field: "tags", weight: 1, prefix: true },
  // "comedy" or "theater" finds every event of the category (lib/search/category-words.ts).
  { field: "categoryWords", weight: 2, prefix: false },
] as const satisfies readonly { field: keyof SearchDocument; weight: number; prefix: boolean }[];

const SUGGEST_FIELDS = [
  { field: "title", weight: 4 },
  { field: "performers", weight: 4 },
  { field: "venueName", weight: 2 },
] as const satisfies readonly { field: keyof SearchDocument; weight: number }[];

const seconds = (date: Date, round: (n: number) => number) => round(date.getTime() / 1000);

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Cut by code points, so a surrogate pair is never split. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join("") : text;
}

/**
 * What a fan typed, as Typesense's `q`. Quotes (phrase search) and a leading
 * minus (exclude the word) are Typesense query operators, and a lone `*`
 * lists everything: none of them is something a fan means to type.
 */
export function queryText(q: string | undefined): string {
  const text = truncate((q ?? "").replace(/["\p{Cc}]/gu, " "), MAX_QUERY_LENGTH)
    .replace(/(^|\s)-+/g, "$1")
    .trim();
  return text === "*" ? "" : text;
}

/**
 * A string value in filter_by. Inside backticks Typesense reads `&&`, `||`,
 * commas, colons and parentheses literally; it has no escape for a backtick
 * itself, so those are removed. A value left blank cannot match anything.
 */
function stringFilter(field: string, value: string): string {
  const literal = truncate(value.replaceAll("`", ""), MAX_FILTER_VALUE_LENGTH).trim();
  return literal ? `${field}:=\`${literal}\`` : MATCH_NOTHING;
}

function requireFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new AppError("VALIDATION_FAILED", `${what} must be a finite number`);
  return value;
}

/** A price bound as an int32 filter value (Typesense rejects out-of-range ones). */
function priceBound(value: number, what: string): number {
  return clamp(Math.floor(requireFinite(value, what)), 0, INT32_MAX);
}

/** Fixed-point with at most 6 decimals: a number like 1e-7 must not reach the filter in exponent notation. */
function decimal(value: number): string {
  return String(Number(value.toFixed(6)) || 0);
}

function geoFilter(near: NonNullable<SearchQuery["near"]>): string {
  const lat = requireFinite(near.lat, "near.lat");
  const lng = requireFinite(near.lng, "near.lng");
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw new AppError("VALIDATION_FAILED", "near must be a latitude within ±90 and a longitude within ±180");
  }
  const radiusKm = clamp(requireFinite(near.radiusKm, "near.radiusKm"), 0, MAX_RADIUS_KM);
  return `location:(${decimal(lat)}, ${decimal(lng)}, ${decimal(radiusKm)} km)`;
}

/**
 * Price range filter on the event's price — its lowest all-in price, as its card shows it and as the
 * price-band facet counts it — the same rule as the PostgreSQL engine.
 */
function priceFilter(query: SearchQuery): string | undefined {
  if (query.minPriceMinor === undefined && query.maxPriceMinor === undefined) return undefined;
  const low = priceBound(query.minPriceMinor ?? 0, "minPriceMinor");
  const high = priceBound(query.maxPriceMinor ?? INT32_MAX, "maxPriceMinor");
  return `minPriceMinor:[${low}..${high}]`;
}

/**
 * A calendar filter: per window, events in its zones starting within its range, each zone's "today" or
 * weekend being its own. A value list of zones in backticks, as stringFilter quotes single values.
 */
function windowsFilter(windows: DateWindow[]): string {
  if (windows.length === 0) return MATCH_NOTHING;
  const each = windows.map((w) => {
    const zones = w.timeZones.map((zone) => `\`${zone.replaceAll("`", "")}\``).join(",");
    const to = w.to ? ` && startsAt:<${seconds(w.to, Math.ceil)}` : "";
    return `(timeZone:=[${zones}] && startsAt:>=${seconds(w.from, Math.ceil)}${to})`;
  });
  return `(${each.join(" || ")})`;
}

type Filters = {
  /** Visibility, dates, distance and availability: what every facet count is taken within. */
  base: string[];
  /**
   * Category, city and price, by the facet each belongs to: a facet's counts apply the others' filters but
   * not its own, so every count is the number of results its link leads to.
   */
  faceted: Partial<Record<FacetField, string>>;
};

/** All filters, or all but one facet's own. */
export function filterClauses(filters: Filters, except?: FacetField): string[] {
  const faceted = FACET_FIELDS.filter((field) => field !== except).flatMap((field) => filters.faceted[field] ?? []);
  return [...filters.base, ...faceted];
}

/** The filters of a query; `windows` are its calendar filter's (lib/search/time-zones.ts), null without one. */
export function filtersFor(query: SearchQuery, windows: DateWindow[] | null = null): Filters {
  const base: string[] = [];
  const lowerBounds = [query.includePast ? null : query.now, query.from ?? null].filter((d): d is Date => d !== null);
  if (!query.includePast) base.push("status:=PUBLISHED");
  if (lowerBounds.length > 0) {
    const from = Math.max(...lowerBounds.map((d) => seconds(d, Math.ceil)));
    base.push(`startsAt:>=${from}`);
  }
  // `to` is exclusive, as in the PostgreSQL engine.
  if (query.to) base.push(`startsAt:<${seconds(query.to, Math.ceil)}`);
  if (windows) base.push(windowsFilter(windows));
  if (query.near) base.push(geoFilter(query.near));
  if (query.availableOnly) base.push("available:=true");

  const faceted: Filters["faceted"] = {};
  if (query.category !== undefined) faceted.category = stringFilter("category", query.category);
  if (query.city !== undefined) faceted.city = stringFilter("city", query.city);
  const price = priceFilter(query);
  if (price !== undefined) faceted.priceBand = price;
  return { base, faceted };
}

const joinFilters = (clauses: string[]) => (clauses.length ? { filter_by: clauses.join(" && ") } : {});

function sortFor(query: SearchQuery, text: string): string {
  // Events without prices last, as "NULLS LAST" would put them.
  if (query.sort === "price") return "_eval(maxPriceMinor:>0):desc,minPriceMinor:asc,startsAt:asc";
  if (query.sort === "relevance" && text) return "_text_match:desc,startsAt:asc";
  return "startsAt:asc";
}

type Params = SearchParams<SearchDocument>;

function textParams(text: string): Params {
  return {
    q: text || "*",
    query_by: QUERY_FIELDS.map((f) => f.field).join(","),
    query_by_weights: QUERY_FIELDS.map((f) => f.weight).join(","),
    prefix: QUERY_FIELDS.map((f) => f.prefix).join(","),
    num_typos: 2,
    // Look for typo corrections only when the exact words found nothing.
    typo_tokens_threshold: 1,
  };
}

export function hitsParams(query: SearchQuery, text: string, filters: string[], facets: FacetField[]): Params {
  return {
    ...textParams(text),
    ...joinFilters(filters),
    ...(facets.length ? { facet_by: facets.join(","), max_facet_values: MAX_FACET_VALUES } : {}),
    sort_by: sortFor(query, text),
    page: Math.max(1, Math.floor(query.page)),
    per_page: clamp(Math.floor(query.pageSize), 1, MAX_PER_PAGE),
    exclude_fields: "description,tags,categoryWords",
    highlight_fields: "title",
    highlight_full_fields: "title",
    highlight_start_tag: MARK_START,
    highlight_end_tag: MARK_END,
  };
}

export function facetParams(text: string, filters: string[], facet: FacetField): Params {
  return {
    ...textParams(text),
    ...joinFilters(filters),
    facet_by: facet,
    max_facet_values: MAX_FACET_VALUES,
    per_page: 0,
  };
}

/** As-you-type lookup among upcoming published events, by title, performers and venue. */
export function suggestParams(text: string, limit: number, now: Date): Params {
  return {
    q: text,
    query_by: SUGGEST_FIELDS.map((f) => f.field).join(","),
    query_by_weights: SUGGEST_FIELDS.map((f) => f.weight).join(","),
    prefix: true,
    num_typos: 2,
    typo_tokens_threshold: 1,
    filter_by: `status:=PUBLISHED && startsAt:>=${seconds(now, Math.ceil)}`,
    sort_by: "_text_match:desc,startsAt:asc",
    per_page: clamp(Math.floor(limit), 1, MAX_PER_PAGE),
    include_fields: "id,slug,title,performers,venueName,startsAt,city,timeZone",
    highlight_fields: SUGGEST_FIELDS.map((f) => f.field).join(","),
  };
}
