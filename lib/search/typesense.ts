import "server-only";
import { Client, Errors } from "typesense";
import type {
  CollectionCreateSchema,
  CollectionFieldSchema,
  SearchParams,
  SearchResponse,
  SearchResponseHit,
} from "typesense";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { searchDocumentFor, type SearchDocument } from "./document";
import type {
  FacetCount,
  SearchEngine,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResult,
  Suggestion,
} from "./engine";

export type TypesenseOptions = {
  db: Db;
  /** A Typesense node, e.g. https://search.example.com:443 (TYPESENSE_URL). */
  url: string;
  apiKey: string;
  /** The alias searches and writes go through; reindexAll points it at a fresh collection. */
  alias?: string;
};

export type ReindexOptions = TypesenseOptions & { batchSize?: number; now?: Date };

export type ReindexResult = { collection: string; indexed: number; dropped: string[] };

const DEFAULT_ALIAS = "events";
const DEFAULT_BATCH_SIZE = 500;
const MAX_QUERY_LENGTH = 200;
const MAX_FILTER_VALUE_LENGTH = 200;
// Typesense refuses a larger per_page.
const MAX_PER_PAGE = 250;
const INT32_MAX = 2_147_483_647;
const MAX_RADIUS_KM = 20_040; // half the Earth's circumference: beyond it every point is in range
const FACET_FIELDS = "category,city,priceBand";
const MAX_FACET_VALUES = 25;
// Prices are never negative, so this filter matches no document while staying valid syntax.
const MATCH_NOTHING = "minPriceMinor:<0";

// Highlight markers Typesense inserts around matched words. Private-use
// characters rather than <mark>: the highlight is not HTML-escaped, and a
// title is far less likely to contain these than the text "<mark>".
const MARK_START = "\uE000";
const MARK_END = "\uE001";

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
] as const satisfies readonly { field: keyof SearchDocument; weight: number; prefix: boolean }[];

const SUGGEST_FIELDS = [
  { field: "title", weight: 4 },
  { field: "performers", weight: 4 },
  { field: "venueName", weight: 2 },
] as const satisfies readonly { field: keyof SearchDocument; weight: number }[];

type FieldSpec = Pick<CollectionFieldSchema, "type" | "facet" | "index" | "optional" | "sort">;

/**
 * Keyed by SearchDocument so that a field added there fails to compile until
 * it is indexed here. `id` is Typesense's implicit document id: declaring it
 * is ignored. Fields only displayed are stored but not indexed (Typesense
 * requires those to be optional).
 */
const FIELDS: { [K in Exclude<keyof SearchDocument, "id">]: FieldSpec } = {
  slug: { type: "string", index: false, optional: true },
  title: { type: "string" },
  performers: { type: "string[]" },
  description: { type: "string" },
  tags: { type: "string[]" },
  category: { type: "string", facet: true },
  status: { type: "string" },
  startsAt: { type: "int64", sort: true },
  venueName: { type: "string" },
  city: { type: "string", facet: true },
  timeZone: { type: "string", index: false, optional: true },
  location: { type: "geopoint" },
  minPriceMinor: { type: "int32", sort: true },
  maxPriceMinor: { type: "int32", sort: true },
  prices: { type: "int32[]" },
  currency: { type: "string", index: false, optional: true },
  priceBand: { type: "string", facet: true },
  available: { type: "bool" },
};

/** The definition of one events collection (reindexAll creates a new one each time). */
export function collectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: Object.entries(FIELDS).map(([field, spec]) => ({ name: field, ...spec })),
    default_sorting_field: "startsAt",
  };
}

function createClient(url: string, apiKey: string): Client {
  const node = new URL(url);
  const protocol = node.protocol.replace(/:$/, "");
  return new Client({
    nodes: [
      {
        host: node.hostname,
        port: node.port ? Number(node.port) : protocol === "https" ? 443 : 80,
        protocol,
        // Typesense behind a reverse proxy under a path prefix.
        path: node.pathname.replace(/\/+$/, ""),
      },
    ],
    apiKey,
    connectionTimeoutSeconds: 5,
    numRetries: 2,
    retryIntervalSeconds: 0.1,
    // The client logs every retry as a warning on the console; failures reach the caller as errors.
    logLevel: "error",
  });
}

// ---------------------------------------------------------------------------
// Building search parameters

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
function queryText(q: string | undefined): string {
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
 * Price range filter: an event matches when one of its ticket types' all-in
 * prices lies in the range (a numeric range on the `prices` array matches any
 * element), the same rule as the PostgreSQL engine.
 */
function priceFilters(query: SearchQuery): string[] {
  if (query.minPriceMinor === undefined && query.maxPriceMinor === undefined) return [];
  const low = priceBound(query.minPriceMinor ?? 0, "minPriceMinor");
  const high = priceBound(query.maxPriceMinor ?? INT32_MAX, "maxPriceMinor");
  return [`prices:[${low}..${high}]`];
}

type Filters = {
  /** Visibility, dates, distance and availability: what facet counts are taken within. */
  base: string[];
  /** Category, city and price: the facets' own choices, left out of the counts so the other choices stay visible. */
  faceted: string[];
};

function filtersFor(query: SearchQuery): Filters {
  const base: string[] = [];
  const lowerBounds = [query.includePast ? null : query.now, query.from ?? null].filter((d): d is Date => d !== null);
  if (!query.includePast) base.push("status:=PUBLISHED");
  if (lowerBounds.length > 0) {
    const from = Math.max(...lowerBounds.map((d) => seconds(d, Math.ceil)));
    base.push(`startsAt:>=${from}`);
  }
  // `to` is exclusive, as in the PostgreSQL engine.
  if (query.to) base.push(`startsAt:<${seconds(query.to, Math.ceil)}`);
  if (query.near) base.push(geoFilter(query.near));
  if (query.availableOnly) base.push("available:=true");

  const faceted: string[] = [];
  if (query.category !== undefined) faceted.push(stringFilter("category", query.category));
  if (query.city !== undefined) faceted.push(stringFilter("city", query.city));
  faceted.push(...priceFilters(query));
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

function hitsParams(query: SearchQuery, text: string, filters: string[], withFacets: boolean): Params {
  return {
    ...textParams(text),
    ...joinFilters(filters),
    ...(withFacets ? { facet_by: FACET_FIELDS, max_facet_values: MAX_FACET_VALUES } : {}),
    sort_by: sortFor(query, text),
    page: Math.max(1, Math.floor(query.page)),
    per_page: clamp(Math.floor(query.pageSize), 1, MAX_PER_PAGE),
    exclude_fields: "description,tags",
    highlight_fields: "title",
    highlight_full_fields: "title",
    highlight_start_tag: MARK_START,
    highlight_end_tag: MARK_END,
  };
}

function facetParams(text: string, filters: string[]): Params {
  return {
    ...textParams(text),
    ...joinFilters(filters),
    facet_by: FACET_FIELDS,
    max_facet_values: MAX_FACET_VALUES,
    per_page: 0,
  };
}

// ---------------------------------------------------------------------------
// Reading search responses

type HitDocument = Omit<SearchDocument, "description" | "tags">;
type Hit = SearchResponseHit<SearchDocument>;

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
function highlightedTitleOf(hit: Hit, title: string): string | undefined {
  const raw = rawTitleHighlight(hit);
  if (!raw?.includes(MARK_START)) return undefined;
  if (raw.replaceAll(MARK_START, "").replaceAll(MARK_END, "") !== title) return undefined;
  return escapeHtml(raw).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

/** The document carries no "has ticket types" flag: both prices are 0 exactly when it has none (or only free ones). */
function fromPriceOf(document: HitDocument): SearchHit["fromPrice"] {
  return document.maxPriceMinor === 0 ? null : { amountMinor: document.minPriceMinor, currency: document.currency };
}

function toHit(hit: Hit): SearchHit {
  const document: HitDocument = hit.document;
  const highlightedTitle = highlightedTitleOf(hit, document.title);
  return {
    id: document.id,
    slug: document.slug,
    title: document.title,
    category: document.category,
    status: document.status,
    startsAt: new Date(document.startsAt * 1000),
    performers: document.performers,
    venue: { name: document.venueName, city: document.city, timeZone: document.timeZone },
    fromPrice: fromPriceOf(document),
    soldOut: !document.available,
    ...(highlightedTitle === undefined ? {} : { highlightedTitle }),
  };
}

function facetsOf(response: SearchResponse<SearchDocument>): SearchFacets {
  const counts = (field: string): FacetCount[] =>
    (response.facet_counts?.find((facet) => facet.field_name === field)?.counts ?? [])
      .map(({ value, count }) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { category: counts("category"), city: counts("city"), priceBand: counts("priceBand") };
}

type Matches = { performers: number[]; venue: boolean };

const matched = (tokens: unknown) => Array.isArray(tokens) && tokens.length > 0;

/** Which performers (by position) and whether the venue matched, from either highlight structure. */
function matchesOf(hit: Hit): Matches {
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

/** Performers and venues first (each leads to every event of theirs), then events; no repeats. */
function suggestionsFrom(hits: Hit[], limit: number): Suggestion[] {
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

// ---------------------------------------------------------------------------
// The engine

/** Typesense behind SearchEngine: searches and writes go through an alias that reindexAll swaps. */
export function typesenseSearch(options: TypesenseOptions): SearchEngine {
  const client = createClient(options.url, options.apiKey);
  const alias = options.alias ?? DEFAULT_ALIAS;
  const documents = () => client.collections<SearchDocument>(alias).documents();

  return {
    kind: "typesense",

    async search(query): Promise<SearchResult> {
      const text = queryText(query.q);
      const filters = filtersFor(query);
      // Facet counts leave out the facets' own filters (as the PostgreSQL engine's do), which
      // takes a second search; without such filters the first one's counts are the same.
      const separateFacets = filters.faceted.length > 0;
      const [response, facetResponse] = await Promise.all([
        documents().search(hitsParams(query, text, [...filters.base, ...filters.faceted], !separateFacets)),
        separateFacets ? documents().search(facetParams(text, filters.base)) : null,
      ]);
      return {
        items: (response.hits ?? []).map(toHit),
        total: response.found,
        page: query.page,
        pageSize: query.pageSize,
        facets: facetsOf(facetResponse ?? response),
        didYouMean: null,
      };
    },

    async suggest(q, { limit, now }): Promise<Suggestion[]> {
      const text = queryText(q);
      if (!text || limit < 1) return [];
      const response = await documents().search({
        q: text,
        query_by: SUGGEST_FIELDS.map((f) => f.field).join(","),
        query_by_weights: SUGGEST_FIELDS.map((f) => f.weight).join(","),
        prefix: true,
        num_typos: 2,
        typo_tokens_threshold: 1,
        filter_by: `status:=PUBLISHED && startsAt:>=${seconds(now, Math.ceil)}`,
        sort_by: "_text_match:desc,startsAt:asc",
        per_page: clamp(Math.floor(limit), 1, MAX_PER_PAGE),
        include_fields: "id,slug,title,performers,venueName",
        highlight_fields: SUGGEST_FIELDS.map((f) => f.field).join(","),
      });
      return suggestionsFrom(response.hits ?? [], limit);
    },

    async syncEvent(eventId) {
      const document = await searchDocumentFor(options.db, eventId);
      if (document) {
        await documents().upsert(document);
        return;
      }
      try {
        await client.collections(alias).documents(eventId).delete();
      } catch (error) {
        // Never indexed, or already removed.
        if (!(error instanceof Errors.ObjectNotFound)) throw error;
      }
    },
  };
}

// ---------------------------------------------------------------------------
// Full reindex

async function aliasTarget(client: Client, alias: string): Promise<string | null> {
  try {
    return (await client.aliases(alias).retrieve()).collection_name;
  } catch (error) {
    if (error instanceof Errors.ObjectNotFound) return null;
    throw error;
  }
}

async function dropCollection(client: Client, name: string): Promise<void> {
  try {
    await client.collections(name).delete();
  } catch (error) {
    if (!(error instanceof Errors.ObjectNotFound)) throw error;
  }
}

async function importBatch(client: Client, collection: string, batch: SearchDocument[]): Promise<void> {
  const results = await client
    .collections<SearchDocument>(collection)
    .documents()
    // Failed lines are checked below, with the event ids in the message.
    .import(batch, { action: "upsert", return_id: true, throwOnFail: false });
  const failures = results.flatMap((result, index) =>
    result.success ? [] : [`${result.id ?? batch[index]?.id ?? `line ${index + 1}`}: ${result.error}`],
  );
  if (failures.length > 0) {
    throw new Error(
      `Typesense refused ${failures.length} of ${batch.length} events in ${collection}: ${failures.slice(0, 5).join("; ")}`,
    );
  }
  if (results.length !== batch.length) {
    throw new Error(`Typesense answered ${results.length} import results for ${batch.length} events in ${collection}`);
  }
}

/** Every public event into `collection`, reading the events in id order, `batchSize` at a time. */
async function importAllEvents(db: Db, client: Client, collection: string, batchSize: number): Promise<number> {
  let indexed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.event.findMany({
      where: { status: { not: "DRAFT" }, ...(after === undefined ? {} : { id: { gt: after } }) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return indexed;
    // searchDocumentFor is the one mapping from event to document; null when the event went draft meanwhile.
    const batch = (await Promise.all(rows.map((row) => searchDocumentFor(db, row.id)))).filter(
      (document): document is SearchDocument => document !== null,
    );
    if (batch.length > 0) await importBatch(client, collection, batch);
    indexed += batch.length;
    if (rows.length < batchSize) return indexed;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Rebuilds the index without a moment of it being empty or partial: fills a
 * new collection, points the alias at it in one step, then drops the
 * collection the alias pointed to before. A failed import drops the new
 * collection and leaves the alias alone. Changes synced while it runs land in
 * the old collection, so run it when writes are quiet (or sync again after).
 */
export async function reindexAll(options: ReindexOptions): Promise<ReindexResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const client = createClient(options.url, options.apiKey);
  const alias = options.alias ?? DEFAULT_ALIAS;
  const collection = `${alias}_${(options.now ?? new Date()).getTime()}`;

  await client.collections().create(collectionSchema(collection));
  let indexed: number;
  try {
    indexed = await importAllEvents(options.db, client, collection, batchSize);
  } catch (error) {
    await dropCollection(client, collection).catch((dropError: unknown) =>
      log.error({ err: dropError, collection }, "could not drop the half-built search collection"),
    );
    throw error;
  }

  const previous = await aliasTarget(client, alias);
  await client.aliases().upsert(alias, { collection_name: collection });
  const dropped = previous !== null && previous !== collection ? [previous] : [];
  for (const name of dropped) await dropCollection(client, name);
  return { collection, indexed, dropped };
}
