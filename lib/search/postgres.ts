import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { allInPriceSql } from "@/lib/money";
import type { EventCategory } from "@/lib/generated/prisma/enums";
import {
  PRICE_BANDS,
  type FacetCount,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type Suggestion,
} from "./engine";
import { categoryOfWord } from "./category-words";
import type { DateWindow } from "./local-dates";
import { correctQuery, MIN_PREFIX, publicNames } from "./postgres-correction";
import { eventSuggestions } from "./suggestion-labels";
import { queryTokens } from "./query-text";
import { dateWindowsOf } from "./time-zones";

/** Every token must match; each as a prefix, so "colo" finds "colosseum" while typing. Tokens are [a-z0-9] only. */
function prefixTsQuery(tokens: string[]): string {
  return tokens.map((t) => (t.length >= MIN_PREFIX ? `${t}:*` : t)).join(" & ");
}

/**
 * What a search matches besides its filters: the words (every one must match; tsQuery also ranks and
 * highlights), and the calendar windows of a date filter.
 */
type Match = { tsQuery: string | null; text: Prisma.Sql | null; windows: DateWindow[] | null };

const wordsMatch = (tokens: string[]) => Prisma.sql`f."searchVector" @@ to_tsquery('simple', ${prefixTsQuery(tokens)})`;

/**
 * Every word must match. A category word ("comedy", "theater") matches the events of its category, and
 * those with the word in their title or performers (weight A) — not a theatre play at "Footlights Theatre
 * & Comedy" or one whose description mentions comedy: "comedy" lists what the Comedy filter lists.
 */
function textFilter(tokens: string[]): Prisma.Sql | null {
  if (tokens.length === 0) return null;
  const plain = tokens.filter((t) => !categoryOfWord(t));
  const clauses = [
    ...(plain.length ? [wordsMatch(plain)] : []),
    ...tokens.flatMap((t) => {
      const category = categoryOfWord(t);
      if (!category) return [];
      const inTitle = Prisma.sql`f."searchVector" @@ to_tsquery('simple', ${`${t}:*A`})`;
      return [Prisma.sql`(f.category = ${category}::event_category OR ${inTitle})`];
    }),
  ];
  return Prisma.join(clauses, " AND ");
}

const ALL_IN_PRICE = Prisma.raw(allInPriceSql("tt"));
const INT32_MAX = 2_147_483_647;

// Every search reads search_events (f: status, start, category, city, time zone, lowest price and a copy of the search
// vector of each event, kept by triggers; migration 20261201145001_search_events), and venues (v) only for
// distance. A text match's category, city and price are in the row the GIN index leads to: no second
// lookup per match, which had cost more than the match itself.
function sources(query: SearchQuery) {
  return Prisma.sql`search_events f${query.near ? Prisma.sql` JOIN venues v ON v.id = f."venueId"` : Prisma.empty}`;
}

/** Events starting in one of the windows, each in its venue's time zone; no windows, no events. */
function windowsFilter(windows: DateWindow[]) {
  if (windows.length === 0) return Prisma.sql`false`;
  const each = windows.map(
    (w) =>
      Prisma.sql`(f."timeZone" IN (${Prisma.join(w.timeZones)}) AND f."startsAt" >= ${w.from}${
        w.to ? Prisma.sql` AND f."startsAt" < ${w.to}` : Prisma.empty
      })`,
  );
  return Prisma.sql`(${Prisma.join(each, " OR ")})`;
}

/** Visibility, text, dates, distance and availability: everything but the facets' own filters. */
function baseFilters(query: SearchQuery, { text, windows }: Match) {
  const where: Prisma.Sql[] = [];
  if (query.includePast) where.push(Prisma.sql`f.status IN ('PUBLISHED', 'CANCELLED')`);
  else where.push(Prisma.sql`f.status = 'PUBLISHED' AND f."startsAt" >= ${query.now}`);
  if (text) where.push(text);
  if (query.from) where.push(Prisma.sql`f."startsAt" >= ${query.from}`);
  if (query.to) where.push(Prisma.sql`f."startsAt" < ${query.to}`);
  if (windows) where.push(windowsFilter(windows));
  if (query.near) {
    const { lat, lng, radiusKm } = query.near;
    // A latitude/longitude box the planner can estimate, then the exact haversine distance.
    const latSpan = radiusKm / 111;
    const lngSpan = radiusKm / (111 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    where.push(Prisma.sql`v.latitude BETWEEN ${lat - latSpan} AND ${lat + latSpan}`);
    where.push(Prisma.sql`v.longitude BETWEEN ${lng - lngSpan} AND ${lng + lngSpan}`);
    where.push(Prisma.sql`6371 * 2 * asin(sqrt(
      power(sin(radians(v.latitude - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(v.latitude)) * power(sin(radians(v.longitude - ${lng}) / 2), 2))) <= ${radiusKm}`);
  }
  if (query.availableOnly) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM ticket_types tt WHERE tt."eventId" = f."eventId" AND tt.sold + tt.held < tt.capacity)`,
    );
  }
  return where;
}

/**
 * The facets' own filters, each null when not selected. Price is one definition everywhere: the
 * event's lowest all-in price ("From $…" on its card), so the "$25–50" band and a 25–50 price filter
 * select the same events.
 */
function facetFilters(query: SearchQuery) {
  const priced = query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined;
  return {
    category: query.category ? Prisma.sql`f.category = ${query.category}::event_category` : null,
    city: query.city ? Prisma.sql`f."cityKey" = marquee_normalize(${query.city})` : null,
    price: priced
      ? Prisma.sql`f."fromPriceMinor" BETWEEN ${query.minPriceMinor ?? 0} AND ${query.maxPriceMinor ?? INT32_MAX}`
      : null,
  };
}

function allFilters(query: SearchQuery, match: Match) {
  const own = Object.values(facetFilters(query)).filter((sql): sql is Prisma.Sql => sql !== null);
  return Prisma.join([...baseFilters(query, match), ...own], " AND ");
}

function orderBy(query: SearchQuery, tsQuery: string | null) {
  if (query.sort === "price") return Prisma.sql`f."fromPriceMinor" ASC NULLS LAST, f."startsAt" ASC, f."eventId"`;
  if (query.sort === "date" || !tsQuery) return Prisma.sql`f."startsAt" ASC, f."eventId"`;
  // Relevance, with sooner events first among equals.
  return Prisma.sql`rank DESC, f."startsAt" ASC, f."eventId"`;
}

/** Keeps the page in the order the inner query chose. */
function pageOrder(query: SearchQuery, tsQuery: string | null) {
  if (query.sort === "price") return Prisma.sql`p."fromPriceMinor" ASC NULLS LAST, p."startsAt" ASC, p.id`;
  if (query.sort === "date" || !tsQuery) return Prisma.sql`p."startsAt" ASC, p.id`;
  return Prisma.sql`p.rank DESC, p."startsAt" ASC, p.id`;
}

type HitRow = {
  id: string;
  slug: string;
  title: string;
  category: EventCategory;
  status: "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  onSaleAt: Date;
  performers: string[];
  venueName: string;
  city: string;
  timeZone: string;
  fromPriceMinor: number | null;
  currency: string | null;
  soldOut: boolean;
  highlightedTitle: string | null;
};

function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category,
    status: row.status,
    startsAt: row.startsAt,
    onSaleAt: row.onSaleAt,
    performers: row.performers,
    venue: { name: row.venueName, city: row.city, timeZone: row.timeZone },
    fromPrice:
      row.fromPriceMinor === null ? null : { amountMinor: row.fromPriceMinor, currency: row.currency ?? "USD" },
    soldOut: row.soldOut,
    ...(row.highlightedTitle ? { highlightedTitle: row.highlightedTitle } : {}),
  };
}

/** The page of hits; prices, availability and highlights are worked out for its rows only. */
function hitsPage(db: Db, query: SearchQuery, match: Match) {
  const { tsQuery } = match;
  const rank =
    tsQuery && query.sort === "relevance"
      ? Prisma.sql`ts_rank_cd(f."searchVector", to_tsquery('simple', ${tsQuery}), 1)`
      : Prisma.sql`0::real`;
  return db.$queryRaw<HitRow[]>`
    WITH page AS (
      SELECT f."eventId" AS id, f."startsAt", f."fromPriceMinor", ${rank} AS rank
      FROM ${sources(query)}
      WHERE ${allFilters(query, match)}
      ORDER BY ${orderBy(query, tsQuery)}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    )
    SELECT p.id, e.slug, e.title, e.category, e.status, e."startsAt", e."onSaleAt", e.performers,
      v.name AS "venueName", v.city, v."timeZone",
      t."fromPriceMinor", t.currency, coalesce(t."soldOut", true) AS "soldOut",
      ${
        tsQuery
          ? Prisma.sql`ts_headline('simple', replace(replace(replace(e.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), to_tsquery('simple', ${tsQuery}), 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')`
          : Prisma.sql`NULL`
      } AS "highlightedTitle"
    FROM page p
    JOIN events e ON e.id = p.id
    JOIN venues v ON v.id = e."venueId"
    LEFT JOIN LATERAL (
      SELECT MIN(${ALL_IN_PRICE})::int AS "fromPriceMinor", MIN(tt.currency) AS currency,
        bool_and(tt.sold + tt.held >= tt.capacity) AS "soldOut"
      FROM ticket_types tt WHERE tt."eventId" = p.id
    ) t ON true
    ORDER BY ${pageOrder(query, tsQuery)}`;
}

/**
 * The three facets and the total, in one pass over the matching events. Each facet's counts apply every
 * other selected filter but not its own: with "New York" and "Concert" selected, the city facet counts
 * concerts per city and the category facet counts New York's events per category, so every count is the
 * number of results its link leads to. The total is the selected category's count (all categories' when
 * none is selected): no separate count query.
 */
async function facetsAndTotal(db: Db, query: SearchQuery, match: Match) {
  const own = facetFilters(query);
  const flag = (sql: Prisma.Sql | null) => (sql ? Prisma.sql`coalesce(${sql}, false)` : Prisma.sql`true`);
  const bands = Prisma.join(
    PRICE_BANDS.map((b) => Prisma.sql`WHEN f."fromPriceMinor" BETWEEN ${b.min} AND ${b.max} THEN ${b.value}`),
    " ",
  );
  // One pass, grouped three ways; each grouping counts the rows that pass the other facets' filters.
  const rows = await db.$queryRaw<{ facet: string; value: string; count: bigint }[]>`
    SELECT CASE WHEN GROUPING(m.category) = 0 THEN 'category' WHEN GROUPING(m.city) = 0 THEN 'city' ELSE 'priceBand' END
        AS facet,
      coalesce(m.category, m.city, m.band) AS value,
      CASE WHEN GROUPING(m.category) = 0 THEN count(*) FILTER (WHERE m.in_city AND m.in_price)
        WHEN GROUPING(m.city) = 0 THEN count(*) FILTER (WHERE m.in_category AND m.in_price)
        ELSE count(*) FILTER (WHERE m.in_category AND m.in_city AND m.band IS NOT NULL) END AS count
    FROM (
      SELECT f.category::text AS category, f.city, CASE ${bands} END AS band,
        ${flag(own.category)} AS in_category, ${flag(own.city)} AS in_city, ${flag(own.price)} AS in_price
      FROM ${sources(query)}
      WHERE ${Prisma.join(baseFilters(query, match), " AND ")}
    ) m
    GROUP BY GROUPING SETS ((m.category), (m.city), (m.band))`;
  const pick = (facet: string): FacetCount[] =>
    rows
      .filter((r) => r.facet === facet && r.value !== null && r.count > 0n)
      .map((r) => ({ value: r.value, count: Number(r.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const category = pick("category");
  const total = category
    .filter((c) => !query.category || c.value === query.category)
    .reduce((sum, c) => sum + c.count, 0);
  return { facets: { category, city: pick("city"), priceBand: pick("priceBand") }, total };
}

/**
 * PostgreSQL search: a weighted tsvector per event (kept by a trigger),
 * prefix matching, typo correction through the search_terms trigram index,
 * and filters and facets in SQL. It reads live data: nothing to sync.
 */
export function postgresSearch(db: Db): SearchEngine {
  return {
    kind: "postgres",

    async search(query): Promise<SearchResult> {
      const [correction, windows] = await Promise.all([correctQuery(db, query.q, query.now), dateWindowsOf(db, query)]);
      const matchOf = (tokens: string[]): Match => ({
        tsQuery: tokens.length ? prefixTsQuery(tokens) : null,
        text: textFilter(tokens),
        windows,
      });
      // "Search instead for" what was typed: no correction, but one offered when nothing matches.
      const applied = correction.corrected && !query.exact;
      const match = matchOf(applied ? correction.tokens : queryTokens(query.q));
      const [rows, { facets, total }] = await Promise.all([
        hitsPage(db, query, match),
        facetsAndTotal(db, query, match),
      ]);
      // Never a spelling that finds nothing: search_terms may still hold a word of an event that was
      // cancelled or unpublished since the last prune, and offering it would reveal it.
      const offer = correction.corrected && !correction.unknown;
      const offered =
        offer &&
        (applied ? total > 0 : total === 0 && (await facetsAndTotal(db, query, matchOf(correction.tokens))).total > 0);
      return {
        items: rows.map(toHit),
        total,
        page: query.page,
        pageSize: query.pageSize,
        facets,
        didYouMean: offered ? correction.tokens.join(" ") : null,
        corrected: offered && applied,
      };
    },

    async suggest(q, { limit, now }): Promise<Suggestion[]> {
      const correction = await correctQuery(db, q, now);
      if (correction.tokens.length === 0) return [];
      const tsQuery = prefixTsQuery(correction.tokens);
      const [events, names] = await Promise.all([
        db.$queryRaw<{ slug: string; title: string; startsAt: Date; city: string; timeZone: string }[]>`
          SELECT e.slug, e.title, e."startsAt", v.city, v."timeZone" FROM events e
          JOIN venues v ON v.id = e."venueId"
          WHERE e.status = 'PUBLISHED' AND e."startsAt" >= ${now} AND e."searchVector" @@ to_tsquery('simple', ${tsQuery})
          ORDER BY ts_rank_cd(e."searchVector", to_tsquery('simple', ${tsQuery}), 1) DESC, e."startsAt" ASC
          LIMIT ${limit}`,
        publicNames(db, correction.tokens.join(" "), limit, now),
      ]);
      // Only names the same words find once typed out: each word starts a word of the name (a short one
      // only as the last word, which is still being typed), not mere trigram neighbours.
      const last = correction.tokens.length - 1;
      const found = names.filter((n) => {
        const words = queryTokens(n.term);
        return correction.tokens.every((t, i) =>
          words.some((w) => (t.length >= MIN_PREFIX || i === last ? w.startsWith(t) : w === t)),
        );
      });
      const suggestions: Suggestion[] = [
        ...found.map((n) => ({ kind: n.kind, label: n.label, href: `/search?q=${encodeURIComponent(n.label)}` })),
        ...eventSuggestions(
          events.map((e) => ({ ...e, label: e.title, href: `/events/${e.slug}` })),
          now,
        ),
      ];
      return suggestions.slice(0, limit);
    },

    // Reads live rows: there is no separate index to update.
    async syncEvent() {},
  };
}
