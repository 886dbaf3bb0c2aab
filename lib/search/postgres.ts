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
import { bestCorrection, queryTokens } from "./query-text";

// Shorter words match only whole: "a:*" would expand to most of the catalogue.
const MIN_PREFIX = 3;

type Correction = { tokens: string[]; corrected: boolean; unknown: boolean };

/**
 * Looks every token up among the catalogue's words: known words (or prefixes
 * of them, for search-as-you-type) stay; misspelled ones become the nearest
 * known word by trigram distance and edit distance ("swfit" → "swift").
 */
async function correctTokens(db: Db, tokens: string[]): Promise<Correction> {
  if (tokens.length === 0) return { tokens, corrected: false, unknown: false };
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
    if (row.known) return row.token;
    const fix = bestCorrection(row.token, row.candidates ?? []);
    if (fix) corrected = true;
    else unknown = true;
    return fix ?? row.token;
  });
  return { tokens: result, corrected, unknown };
}

/** Every token must match; each as a prefix, so "colo" finds "colosseum" while typing. Tokens are [a-z0-9] only. */
function prefixTsQuery(tokens: string[]): string {
  return tokens.map((t) => (t.length >= MIN_PREFIX ? `${t}:*` : t)).join(" & ");
}

const ALL_IN_PRICE = Prisma.raw(allInPriceSql("tt"));
const MIN_PRICE = Prisma.sql`(SELECT MIN(${ALL_IN_PRICE}) FROM ticket_types tt WHERE tt."eventId" = e.id)`;

function filters(query: SearchQuery, tsQuery: string | null, skip: { facets: boolean }) {
  const where: Prisma.Sql[] = [];
  if (query.includePast) where.push(Prisma.sql`e.status IN ('PUBLISHED', 'CANCELLED')`);
  else where.push(Prisma.sql`e.status = 'PUBLISHED' AND e."startsAt" >= ${query.now}`);
  if (tsQuery) where.push(Prisma.sql`e."searchVector" @@ to_tsquery('simple', ${tsQuery})`);
  if (query.from) where.push(Prisma.sql`e."startsAt" >= ${query.from}`);
  if (query.to) where.push(Prisma.sql`e."startsAt" < ${query.to}`);
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
      Prisma.sql`EXISTS (SELECT 1 FROM ticket_types tt WHERE tt."eventId" = e.id AND tt.sold + tt.held < tt.capacity)`,
    );
  }
  // Facets count across the selected category, city and price (so the other choices stay visible).
  if (!skip.facets) {
    if (query.category) where.push(Prisma.sql`e.category = ${query.category}::event_category`);
    if (query.city) where.push(Prisma.sql`marquee_normalize(v.city) = marquee_normalize(${query.city})`);
    if (query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM ticket_types tt WHERE tt."eventId" = e.id
        AND ${ALL_IN_PRICE} BETWEEN ${query.minPriceMinor ?? 0} AND ${query.maxPriceMinor ?? 2_147_483_647})`);
    }
  }
  return Prisma.join(where, " AND ");
}

function orderBy(query: SearchQuery, tsQuery: string | null) {
  if (query.sort === "price") return Prisma.sql`"fromPriceMinor" ASC NULLS LAST, e."startsAt" ASC, e.id`;
  if (query.sort === "date" || !tsQuery) return Prisma.sql`e."startsAt" ASC, e.id`;
  // Relevance, with sooner events first among equals.
  return Prisma.sql`ts_rank_cd(e."searchVector", to_tsquery('simple', ${tsQuery}), 1) DESC, e."startsAt" ASC, e.id`;
}

/** Keeps the page in the order the inner query chose. */
function pageOrder(query: SearchQuery, tsQuery: string | null) {
  if (query.sort === "price") return Prisma.sql`t."fromPriceMinor" ASC NULLS LAST, p."startsAt" ASC, p.id`;
  if (query.sort === "date" || !tsQuery) return Prisma.sql`p."startsAt" ASC, p.id`;
  return Prisma.sql`ts_rank_cd((SELECT "searchVector" FROM events WHERE id = p.id), to_tsquery('simple', ${tsQuery}), 1) DESC, p."startsAt" ASC, p.id`;
}

type HitRow = {
  id: string;
  slug: string;
  title: string;
  category: EventCategory;
  status: "PUBLISHED" | "CANCELLED";
  startsAt: Date;
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
    performers: row.performers,
    venue: { name: row.venueName, city: row.city, timeZone: row.timeZone },
    fromPrice:
      row.fromPriceMinor === null ? null : { amountMinor: row.fromPriceMinor, currency: row.currency ?? "USD" },
    soldOut: row.soldOut,
    ...(row.highlightedTitle ? { highlightedTitle: row.highlightedTitle } : {}),
  };
}

async function facetCounts(db: Db, query: SearchQuery, tsQuery: string | null) {
  const bands = Prisma.join(
    PRICE_BANDS.map((b) => Prisma.sql`WHEN m.price BETWEEN ${b.min} AND ${b.max} THEN ${b.value}`),
    " ",
  );
  const rows = await db.$queryRaw<{ facet: string; value: string; count: bigint }[]>`
    WITH m AS (
      SELECT e.category::text AS category, v.city, ${MIN_PRICE} AS price
      FROM events e JOIN venues v ON v.id = e."venueId"
      WHERE ${filters(query, tsQuery, { facets: true })}
    )
    SELECT 'category' AS facet, category AS value, count(*) AS count FROM m GROUP BY category
    UNION ALL SELECT 'city', city, count(*) FROM m GROUP BY city
    UNION ALL SELECT 'priceBand', CASE ${bands} END, count(*) FROM m WHERE price IS NOT NULL GROUP BY 2`;
  const pick = (facet: string): FacetCount[] =>
    rows
      .filter((r) => r.facet === facet)
      .map((r) => ({ value: r.value, count: Number(r.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { category: pick("category"), city: pick("city"), priceBand: pick("priceBand") };
}

// Nearest names looked at before the public check, so a run of stale ones (events cancelled or
// ended since the last prune) costs a bounded number of checks.
const NAME_CANDIDATES_PER_SUGGESTION = 4;

/**
 * Performer and venue names near what was typed, each still used by a published event that has not
 * started (marquee_search_term_public, an index lookup per name): a cancelled or ended event's names
 * disappear at once, not at the next prune.
 */
function publicNames(db: Db, phrase: string, limit: number, now: Date) {
  return db.$queryRaw<{ kind: "performer" | "venue"; label: string }[]>`
    SELECT c.kind, c.label FROM (
      SELECT kind, term, label, term <-> ${phrase} AS distance FROM search_terms
      WHERE kind IN ('performer', 'venue') AND (term LIKE ${phrase} || '%' OR term LIKE '% ' || ${phrase} || '%' OR term % ${phrase})
      ORDER BY distance
      LIMIT ${limit * NAME_CANDIDATES_PER_SUGGESTION}
    ) c
    WHERE marquee_search_term_public(c.kind, c.term, ${now}::timestamp)
    ORDER BY c.distance
    LIMIT ${limit}`;
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
      const correction = await correctTokens(db, queryTokens(query.q));
      const tsQuery = correction.tokens.length ? prefixTsQuery(correction.tokens) : null;
      const where = filters(query, tsQuery, { facets: false });
      const [rows, [{ total } = { total: 0n }], facets] = await Promise.all([
        // The page is chosen first; prices, availability and highlights are then worked out for
        // its rows only (a select-list subquery would be planned over every match).
        db.$queryRaw<HitRow[]>`
          WITH page AS (
            SELECT e.id, e.slug, e.title, e.category, e.status, e."startsAt", e.performers,
              v.name AS "venueName", v.city, v."timeZone"${
                query.sort === "price" ? Prisma.sql`, ${MIN_PRICE} AS "fromPriceMinor"` : Prisma.empty
              }
            FROM events e JOIN venues v ON v.id = e."venueId"
            WHERE ${where}
            ORDER BY ${orderBy(query, tsQuery)}
            LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
          )
          SELECT p.id, p.slug, p.title, p.category, p.status, p."startsAt", p.performers, p."venueName", p.city, p."timeZone",
            t."fromPriceMinor", t.currency, coalesce(t."soldOut", true) AS "soldOut",
            ${
              tsQuery
                ? Prisma.sql`ts_headline('simple', replace(replace(replace(p.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), to_tsquery('simple', ${tsQuery}), 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')`
                : Prisma.sql`NULL`
            } AS "highlightedTitle"
          FROM page p
          LEFT JOIN LATERAL (
            SELECT MIN(${ALL_IN_PRICE})::int AS "fromPriceMinor", MIN(tt.currency) AS currency,
              bool_and(tt.sold + tt.held >= tt.capacity) AS "soldOut"
            FROM ticket_types tt WHERE tt."eventId" = p.id
          ) t ON true
          ORDER BY ${pageOrder(query, tsQuery)}`,
        db.$queryRaw<{ total: bigint }[]>`
          SELECT count(*) AS total FROM events e JOIN venues v ON v.id = e."venueId" WHERE ${where}`,
        facetCounts(db, query, tsQuery),
      ]);
      const count = Number(total);
      return {
        items: rows.map(toHit),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
        facets,
        // Never a spelling that finds nothing: search_terms may still hold a word of an event that was
        // cancelled or unpublished since the last prune, and offering it would reveal it.
        didYouMean: correction.corrected && !correction.unknown && count > 0 ? correction.tokens.join(" ") : null,
      };
    },

    async suggest(q, { limit, now }): Promise<Suggestion[]> {
      const tokens = queryTokens(q);
      if (tokens.length === 0) return [];
      const correction = await correctTokens(db, tokens);
      const tsQuery = prefixTsQuery(correction.tokens);
      const phrase = correction.tokens.join(" ");
      const [events, names] = await Promise.all([
        db.$queryRaw<{ slug: string; title: string }[]>`
          SELECT e.slug, e.title FROM events e
          WHERE e.status = 'PUBLISHED' AND e."startsAt" >= ${now} AND e."searchVector" @@ to_tsquery('simple', ${tsQuery})
          ORDER BY ts_rank_cd(e."searchVector", to_tsquery('simple', ${tsQuery}), 1) DESC, e."startsAt" ASC
          LIMIT ${limit}`,
        publicNames(db, phrase, limit, now),
      ]);
      const suggestions: Suggestion[] = [
        ...names.map((n) => ({ kind: n.kind, label: n.label, href: `/search?q=${encodeURIComponent(n.label)}` })),
        ...events.map((e) => ({ kind: "event" as const, label: e.title, href: `/events/${e.slug}` })),
      ];
      return suggestions.slice(0, limit);
    },

    // Reads live rows: there is no separate index to update.
    async syncEvent() {},
  };
}
