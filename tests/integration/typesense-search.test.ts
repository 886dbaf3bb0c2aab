import { randomUUID } from "node:crypto";
import { Errors } from "typesense";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchDocumentFor, type SearchDocument } from "@/lib/search/document";
import type { SearchEngine, SearchQuery } from "@/lib/search/engine";
import { collectionSchema, reindexAll, typesenseSearch } from "@/lib/search/typesense";
import { createOrganizationWithEvents, createUserWithToken } from "../support/factories";
import {
  highlight,
  importResponse,
  jsonLines,
  searchResponse,
  startFakeTypesense,
  typesenseError,
  type FakeTypesense,
  type RecordedRequest,
} from "../support/fake-typesense";

const NOW = new Date("2030-01-01T00:00:00.000Z");
const NOW_S = NOW.getTime() / 1000;
const SEARCH_PATH = "/collections/events/documents/search";
const QUERY_BY = "title,performers,venueName,city,description,tags";
const FACET_BY = "category,city,priceBand";

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  sort: "relevance",
  page: 1,
  pageSize: 10,
  now: NOW,
  ...overrides,
});

/** An indexed event as a search hit carries it (description and tags are left out of hits). */
function indexedEvent(overrides: Partial<SearchDocument> = {}): Omit<SearchDocument, "description" | "tags"> {
  return {
    id: "evt_1",
    slug: "the-beatles-experience",
    title: "The Beatles Experience",
    performers: ["Beatles Tribute Band"],
    category: "CONCERT",
    status: "PUBLISHED",
    startsAt: NOW_S + 86_400,
    venueName: "Beacon Theatre",
    city: "New York",
    timeZone: "America/New_York",
    location: [40.7805, -73.9812],
    minPriceMinor: 2_800,
    maxPriceMinor: 9_500,
    prices: [2_800, 9_500],
    currency: "USD",
    priceBand: "25-50",
    available: true,
    ...overrides,
  };
}

/**
 * Splits a filter_by string the way Typesense's tokenizer does (a port of
 * StringUtils::tokenize_filter_query): backticks and geo parentheses keep
 * their content in one token. Throws where Typesense would fail to parse.
 */
function typesenseFilterTokens(filter: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < filter.length) {
    let c = filter[i];
    if (c === " ") {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push(c);
      i++;
    } else if (c === "&" || c === "|") {
      if (filter[i + 1] !== c) throw new Error(`a lone ${c} at ${i}`);
      tokens.push(c + c);
      i += 2;
    } else {
      let token = "";
      let inBacktick = false;
      let precedingColon = false;
      let geo = false;
      do {
        if (c === ":") precedingColon = true;
        if (c === ")" && geo) geo = false;
        token += c;
        c = filter[++i];
        if (c === "`") inBacktick = !inBacktick;
        if (precedingColon && c === "(") {
          geo = true;
          precedingColon = false;
        } else if (precedingColon && c !== " ") {
          precedingColon = false;
        }
      } while (
        i < filter.length &&
        (inBacktick ||
          geo ||
          (c !== "(" && c !== ")" && !(c === "&" && filter[i + 1] === "&") && !(c === "|" && filter[i + 1] === "|")))
      );
      if (inBacktick) throw new Error(`an unclosed backtick in ${token}`);
      tokens.push(token.trim());
    }
  }
  return tokens;
}

/** The clauses of a filter made only of clauses joined by &&, as Typesense reads it. */
function andClauses(filter: string): string[] {
  const tokens = typesenseFilterTokens(filter);
  tokens.forEach((token, index) => expect(token, `token ${index} of ${filter}`).toBe(index % 2 ? "&&" : token));
  const clauses = tokens.filter((_, index) => index % 2 === 0);
  for (const clause of clauses) expect(clause).toMatch(/^[A-Za-z]+:/);
  return clauses;
}

const searches = (fake: FakeTypesense) => fake.requests.filter((r) => r.path === SEARCH_PATH);
const hitsSearch = (fake: FakeTypesense) => searches(fake).find((r) => r.query.per_page !== "0")!;
const facetSearch = (fake: FakeTypesense) => searches(fake).find((r) => r.query.per_page === "0");

describe("typesenseSearch against Typesense's HTTP API", () => {
  let fake: FakeTypesense;
  let engine: SearchEngine;

  beforeEach(async () => {
    fake = await startFakeTypesense();
    fake.addCollection(collectionSchema("events_live"));
    fake.aliases.set("events", "events_live");
    engine = typesenseSearch({ db, url: fake.url, apiKey: fake.apiKey });
  });

  afterEach(async () => {
    await fake.close();
  });

  describe("search request", () => {
    it("maps every part of a rich query to search parameters, with facets counted apart from their own filters", async () => {
      const from = new Date("2030-02-01T00:00:00.000Z");
      const to = new Date("2030-03-01T00:00:00.500Z");
      const base = [
        "status:=PUBLISHED",
        `startsAt:>=${from.getTime() / 1000}`,
        `startsAt:<${Math.ceil(to.getTime() / 1000)}`,
        "location:(40.7128, -74.006, 12.5 km)",
        "available:=true",
      ];

      await engine.search(
        query({
          q: '  Beatles "tribute" -live ',
          city: "New York",
          category: "CONCERT",
          from,
          to,
          minPriceMinor: 2_000,
          maxPriceMinor: 5_000,
          near: { lat: 40.7128, lng: -74.006, radiusKm: 12.5 },
          availableOnly: true,
          page: 2,
          pageSize: 20,
        }),
      );

      expect(searches(fake)).toHaveLength(2);
      for (const request of searches(fake)) {
        expect(request.method).toBe("GET");
        expect(request.headers["x-typesense-api-key"]).toBe(fake.apiKey);
      }
      const textParams = {
        // Typesense's phrase quotes and exclusion minus are not what a fan means.
        q: "Beatles  tribute  live",
        query_by: QUERY_BY,
        query_by_weights: "8,8,4,4,1,1",
        prefix: "true,true,true,true,false,true",
        num_typos: "2",
        typo_tokens_threshold: "1",
      };
      expect(hitsSearch(fake).query).toEqual({
        ...textParams,
        filter_by: [
          ...base,
          "category:=`CONCERT`",
          "city:=`New York`",
          // Price ranges overlap: cheapest ticket ≤ asked max and dearest ticket ≥ asked min.
          "prices:[2000..5000]",
        ].join(" && "),
        sort_by: "_text_match:desc,startsAt:asc",
        page: "2",
        per_page: "20",
        exclude_fields: "description,tags",
        highlight_fields: "title",
        highlight_full_fields: "title",
        highlight_start_tag: "\uE000",
        highlight_end_tag: "\uE001",
      });
      expect(facetSearch(fake)!.query).toEqual({
        ...textParams,
        filter_by: base.join(" && "),
        facet_by: FACET_BY,
        max_facet_values: "25",
        per_page: "0",
      });
      expect(andClauses(hitsSearch(fake).query.filter_by!)).toHaveLength(8);
    });

    it("takes the facets from the search without the facets' own filters", async () => {
      fake.respond("GET", SEARCH_PATH, (request) =>
        request.query.per_page === "0"
          ? searchResponse(request, {
              found: 7,
              hits: [],
              facets: [
                {
                  field_name: "city",
                  counts: [
                    { value: "New York", count: 3 },
                    { value: "Boston", count: 4 },
                  ],
                },
              ],
            })
          : searchResponse(request, {
              found: 3,
              hits: [],
              facets: [{ field_name: "city", counts: [{ value: "New York", count: 3 }] }],
            }),
      );

      const result = await engine.search(query({ city: "New York" }));

      expect(result.total).toBe(3);
      expect(result.facets.city).toEqual([
        { value: "Boston", count: 4 },
        { value: "New York", count: 3 },
      ]);
    });

    it("asks for facets in the one search when no facet is filtered on, and only upcoming published events", async () => {
      await engine.search(query());

      expect(searches(fake)).toHaveLength(1);
      expect(searches(fake)[0]!.query).toMatchObject({
        q: "*",
        filter_by: `status:=PUBLISHED && startsAt:>=${NOW_S}`,
        facet_by: FACET_BY,
        sort_by: "startsAt:asc",
        page: "1",
        per_page: "10",
      });
    });

    it("leaves visibility out with includePast, and turns one-sided price bounds into a range over any ticket's price", async () => {
      await engine.search(query({ includePast: true }));
      await engine.search(query({ includePast: true, maxPriceMinor: 2_499 }));
      await engine.search(query({ includePast: true, minPriceMinor: 10_000, maxPriceMinor: Number.MAX_SAFE_INTEGER }));

      const [all, upTo, from] = searches(fake).filter((r) => r.query.per_page !== "0");
      expect(all!.query.filter_by).toBeUndefined();
      expect(upTo!.query.filter_by).toBe("prices:[0..2499]");
      // Typesense refuses a filter value outside int32.
      expect(from!.query.filter_by).toBe("prices:[10000..2147483647]");
    });

    it.each([
      ["relevance", "Beatles", "_text_match:desc,startsAt:asc"],
      ["relevance", undefined, "startsAt:asc"],
      ["date", "Beatles", "startsAt:asc"],
      ["price", "Beatles", "_eval(maxPriceMinor:>0):desc,minPriceMinor:asc,startsAt:asc"],
    ] as const)("sorts %s (q %s) by %s", async (sort, q, sortBy) => {
      await engine.search(query({ sort, q }));

      expect(searches(fake)[0]!.query.sort_by).toBe(sortBy);
    });

    it("refuses a non-finite position rather than sending an unreadable geo filter", async () => {
      await expect(engine.search(query({ near: { lat: Number.NaN, lng: 0, radiusKm: 5 } }))).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
      });
      expect(fake.requests).toHaveLength(0);
    });

    it("fails on a rejected API key without retrying", async () => {
      const wrongKey = typesenseSearch({ db, url: fake.url, apiKey: "not-the-key" });

      await expect(wrongKey.search(query())).rejects.toBeInstanceOf(Errors.RequestUnauthorized);
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe("hostile input", () => {
    const hostile = [
      "New York` && status:=DRAFT",
      "` || status:=CANCELLED || city:=`",
      "Paris) || (status:=DRAFT",
      "x && y || z",
      "location:(0, 0, 20000 km)",
      "%_\\'\"; DROP TABLE events; --",
      "back\\`slash\\",
      "$events(id:*)",
      "`".repeat(3),
      "   ",
      "ü".repeat(10_000),
    ];

    it.each(hostile.map((value) => [value.slice(0, 40), value]))(
      "keeps %j inside one backticked value",
      async (_label, value) => {
        await engine.search(query({ q: value, city: value, category: "COMEDY" }));

        const request = hitsSearch(fake);
        const clauses = andClauses(request.query.filter_by!);
        const literal = Array.from(value.replaceAll("`", "")).slice(0, 200).join("").trim();
        expect(clauses).toEqual([
          "status:=PUBLISHED",
          `startsAt:>=${NOW_S}`,
          "category:=`COMEDY`",
          // A city that is blank once its backticks are gone matches nothing.
          literal ? `city:=\`${literal}\`` : "minPriceMinor:<0",
        ]);
        expect(Array.from(request.query.q!).length).toBeLessThanOrEqual(200);
        expect(request.query.q).not.toMatch(/["\p{Cc}]/u);
        expect(andClauses(facetSearch(fake)!.query.filter_by!)).toEqual(["status:=PUBLISHED", `startsAt:>=${NOW_S}`]);
      },
    );

    it("cuts a 10 kB query to 200 characters", async () => {
      await engine.search(query({ q: "beatles ".repeat(1_250) }));

      expect(searches(fake)[0]!.query.q).toBe("beatles ".repeat(25).trim());
    });
  });

  describe("search response", () => {
    function answer(hits: (request: RecordedRequest) => Record<string, unknown>[]) {
      fake.respond("GET", SEARCH_PATH, (request) =>
        searchResponse(request, {
          found: 42,
          outOf: 120,
          hits: hits(request),
          facets: [
            {
              field_name: "category",
              counts: [
                { value: "COMEDY", count: 2 },
                { value: "CONCERT", count: 40 },
              ],
            },
            {
              field_name: "city",
              counts: [
                { value: "New York", count: 30 },
                { value: "Boston", count: 12 },
              ],
            },
            {
              field_name: "priceBand",
              counts: [
                { value: "under-25", count: 5 },
                { value: "25-50", count: 5 },
                { value: "100-plus", count: 32 },
              ],
            },
          ],
        }),
      );
    }

    /** A hit with both highlight structures, as Typesense v27–v29 send them by default. */
    function hit(request: RecordedRequest, document: Record<string, unknown>, titleTokens: string[]) {
      const title = String(document.title);
      const marked = highlight(request, title, titleTokens);
      return {
        document,
        highlight: titleTokens.length ? { title: { matched_tokens: titleTokens, snippet: marked, value: marked } } : {},
        highlights: titleTokens.length
          ? [{ field: "title", matched_tokens: titleTokens, snippet: marked, value: marked }]
          : [],
        text_match: 578730123365187700,
        text_match_info: {
          best_field_score: "1108091338752",
          best_field_weight: 15,
          fields_matched: 1,
          num_tokens_dropped: 0,
          score: "578730123365187705",
          tokens_matched: 1,
          typo_prefix_score: 0,
        },
      };
    }

    it("maps hits, totals and facets, marking matched title words in escaped HTML", async () => {
      const rock = indexedEvent({
        id: "evt_rock",
        slug: "rock-roll",
        title: `<script>x</script> Rock & <Roll> "Live"`,
      });
      const unpriced = indexedEvent({
        id: "evt_unpriced",
        slug: "rocky-horror",
        title: "Rocky Horror",
        category: "THEATRE",
        status: "CANCELLED",
        minPriceMinor: 0,
        maxPriceMinor: 0,
        priceBand: "under-25",
        available: false,
      });
      answer((request) => [hit(request, rock, ["Rock"]), hit(request, unpriced, [])]);

      const result = await engine.search(query({ q: "rock", page: 3, pageSize: 2 }));

      expect(result).toEqual({
        items: [
          {
            id: "evt_rock",
            slug: "rock-roll",
            title: `<script>x</script> Rock & <Roll> "Live"`,
            category: "CONCERT",
            status: "PUBLISHED",
            startsAt: new Date((NOW_S + 86_400) * 1000),
            performers: ["Beatles Tribute Band"],
            venue: { name: "Beacon Theatre", city: "New York", timeZone: "America/New_York" },
            fromPrice: { amountMinor: 2_800, currency: "USD" },
            soldOut: false,
            highlightedTitle: `&lt;script&gt;x&lt;/script&gt; <mark>Rock</mark> &amp; &lt;Roll&gt; "Live"`,
          },
          {
            id: "evt_unpriced",
            slug: "rocky-horror",
            title: "Rocky Horror",
            category: "THEATRE",
            status: "CANCELLED",
            startsAt: new Date((NOW_S + 86_400) * 1000),
            performers: ["Beatles Tribute Band"],
            venue: { name: "Beacon Theatre", city: "New York", timeZone: "America/New_York" },
            fromPrice: null,
            soldOut: true,
          },
        ],
        total: 42,
        page: 3,
        pageSize: 2,
        facets: {
          category: [
            { value: "CONCERT", count: 40 },
            { value: "COMEDY", count: 2 },
          ],
          city: [
            { value: "New York", count: 30 },
            { value: "Boston", count: 12 },
          ],
          priceBand: [
            { value: "100-plus", count: 32 },
            { value: "25-50", count: 5 },
            { value: "under-25", count: 5 },
          ],
        },
        didYouMean: null,
      });
    });

    it("reads the legacy highlight structure when the current one is missing", async () => {
      const doc = indexedEvent({ title: "Rock & Roll" });
      answer((request) => {
        const marked = highlight(request, "Rock & Roll", ["Roll"]);
        return [
          {
            document: doc,
            highlight: {},
            highlights: [{ field: "title", matched_tokens: ["Roll"], snippet: marked }],
            text_match: 1,
          },
        ];
      });

      const [item] = (await engine.search(query({ q: "roll" }))).items;

      expect(item!.highlightedTitle).toBe("Rock &amp; <mark>Roll</mark>");
    });

    it("gives no highlight when Typesense's text is not the title (a cut snippet, or a marker in the title)", async () => {
      const long = indexedEvent({ id: "evt_long", title: "A Very Long Rock Opera In Three Acts" });
      const marker = indexedEvent({ id: "evt_marker", title: "Rock \uE000 Night" });
      answer((request) => {
        const start = request.query.highlight_start_tag!;
        const end = request.query.highlight_end_tag!;
        const cut = { matched_tokens: ["Rock"], snippet: `Long ${start}Rock${end} Opera` };
        const markedTitle = `${start}Rock${end} \uE000 Night`;
        return [
          { document: long, highlight: { title: cut }, text_match: 2 },
          {
            document: marker,
            highlight: { title: { matched_tokens: ["Rock"], snippet: markedTitle, value: markedTitle } },
            text_match: 1,
          },
        ];
      });

      const { items } = await engine.search(query({ q: "rock" }));

      expect(items.map((item) => item.highlightedTitle)).toEqual([undefined, undefined]);
    });
  });

  describe("suggest", () => {
    it("looks up upcoming public events as-you-type and offers performers and venues, then events, once each", async () => {
      const experience = indexedEvent({
        id: "evt_a",
        slug: "the-beatles-experience",
        title: "The Beatles Experience",
        performers: ["Opening Act", "Beatles Tribute Band"],
        venueName: "Beat Hall",
      });
      const live = indexedEvent({
        id: "evt_b",
        slug: "tribute-live",
        title: "Tribute Band Live",
        performers: ["Beatles Tribute Band"],
        venueName: "Town Hall",
      });
      const street = indexedEvent({ id: "evt_c", slug: "beat-street", title: "Beat Street", performers: ["DJ Beat"] });
      fake.respond("GET", SEARCH_PATH, (request) =>
        searchResponse(request, {
          found: 3,
          hits: [
            {
              document: experience,
              highlight: {
                title: { matched_tokens: ["Beat"], snippet: "The <mark>Beat</mark>les Experience" },
                performers: [
                  { matched_tokens: [], snippet: "Opening Act" },
                  { matched_tokens: ["Beat"], snippet: "<mark>Beat</mark>les Tribute Band" },
                ],
                venueName: { matched_tokens: ["Beat"], snippet: "<mark>Beat</mark> Hall" },
              },
              text_match: 3,
            },
            {
              // Only the legacy structure: performers matched by position.
              document: live,
              highlight: {},
              highlights: [
                {
                  field: "performers",
                  indices: [0],
                  matched_tokens: [["Beat"]],
                  snippets: ["<mark>Beat</mark>les Tribute Band"],
                },
              ],
              text_match: 2,
            },
            {
              document: street,
              highlight: {
                title: { matched_tokens: ["Beat"], snippet: "<mark>Beat</mark> Street" },
                performers: [{ matched_tokens: ["Beat"], snippet: "DJ <mark>Beat</mark>" }],
              },
              text_match: 1,
            },
          ],
        }),
      );

      const suggestions = await engine.suggest(" beat ", { limit: 5, now: NOW });

      expect(searches(fake)).toHaveLength(1);
      expect(searches(fake)[0]!.query).toEqual({
        q: "beat",
        query_by: "title,performers,venueName",
        query_by_weights: "4,4,2",
        prefix: "true",
        num_typos: "2",
        typo_tokens_threshold: "1",
        filter_by: `status:=PUBLISHED && startsAt:>=${NOW_S}`,
        sort_by: "_text_match:desc,startsAt:asc",
        per_page: "5",
        include_fields: "id,slug,title,performers,venueName",
        highlight_fields: "title,performers,venueName",
      });
      expect(suggestions).toEqual([
        { kind: "performer", label: "Beatles Tribute Band", href: "/search?q=Beatles%20Tribute%20Band" },
        { kind: "venue", label: "Beat Hall", href: "/search?q=Beat%20Hall" },
        { kind: "performer", label: "DJ Beat", href: "/search?q=DJ%20Beat" },
        { kind: "event", label: "The Beatles Experience", href: "/events/the-beatles-experience" },
        { kind: "event", label: "Tribute Band Live", href: "/events/tribute-live" },
      ]);
    });

    it.each(["", "   ", '""', "*"])("asks nothing for %j", async (q) => {
      expect(await engine.suggest(q, { limit: 5, now: NOW })).toEqual([]);
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe("syncEvent", () => {
    const live = () => fake.collections.get("events_live")!.documents;

    async function publishedEvent() {
      const { user } = await createUserWithToken("ORGANIZER");
      const {
        events: [event],
      } = await createOrganizationWithEvents(user.id, 1);
      await db.ticketType.createMany({
        data: [
          {
            eventId: event!.id,
            name: "Stalls",
            kind: "RESERVED",
            priceMinor: 5_000,
            feeMinor: 500,
            currency: "USD",
            capacity: 2,
            sold: 2,
          },
          {
            eventId: event!.id,
            name: "Standing",
            kind: "GENERAL_ADMISSION",
            priceMinor: 2_500,
            feeMinor: 300,
            currency: "USD",
            capacity: 10,
          },
        ],
      });
      return event!;
    }

    it("upserts a public event's document through the alias", async () => {
      const event = await publishedEvent();

      await engine.syncEvent(event.id);

      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      expect(request).toMatchObject({
        method: "POST",
        path: "/collections/events/documents",
        query: { action: "upsert" },
      });
      expect(request!.headers["x-typesense-api-key"]).toBe(fake.apiKey);
      const expected = {
        id: event.id,
        slug: event.slug,
        title: "Test Event 0",
        performers: ["Test Band"],
        description: "A test event",
        tags: [],
        category: "CONCERT",
        status: "PUBLISHED",
        startsAt: Math.floor(event.startsAt.getTime() / 1000),
        venueName: "Test Hall",
        city: "Testville",
        timeZone: "America/New_York",
        location: [40, -74],
        minPriceMinor: 2_800,
        maxPriceMinor: 5_500,
        prices: [5_500, 2_800],
        currency: "USD",
        priceBand: "25-50",
        available: true,
      };
      expect(request!.json).toEqual(expected);
      expect(live().get(event.id)).toEqual(expected);
    });

    it("deletes the document of an event that went back to draft", async () => {
      const event = await publishedEvent();
      await engine.syncEvent(event.id);
      await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });

      await engine.syncEvent(event.id);

      expect(fake.requests.at(-1)).toMatchObject({
        method: "DELETE",
        path: `/collections/events/documents/${event.id}`,
      });
      expect(live().has(event.id)).toBe(false);
    });

    it("is done when a removed event was never indexed (Typesense answers 404)", async () => {
      const missing = `evt_${randomUUID()}`;

      await expect(engine.syncEvent(missing)).resolves.toBeUndefined();

      expect(fake.requests).toEqual([
        expect.objectContaining({ method: "DELETE", path: `/collections/events/documents/${missing}` }),
      ]);
    });

    it("throws on any other failure to delete, once the client's two retries are spent", async () => {
      fake.respond("DELETE", /^\/collections\/events\/documents\//, () => typesenseError(503, "Not Ready or Lagging"));

      await expect(engine.syncEvent(`evt_${randomUUID()}`)).rejects.toBeInstanceOf(Errors.ServerError);
      expect(fake.requests).toHaveLength(3);
    });
  });
});

describe("collectionSchema", () => {
  it("declares every document field with its type, facets, the geopoint and the default sort", async () => {
    const { user } = await createUserWithToken("ORGANIZER");
    const {
      events: [event],
    } = await createOrganizationWithEvents(user.id, 1);
    const document = (await searchDocumentFor(db, event!.id))!;

    const schema = collectionSchema("events_123");

    expect(schema.name).toBe("events_123");
    expect(schema.default_sorting_field).toBe("startsAt");
    // `id` is implicit in Typesense.
    expect(["id", ...schema.fields.map((f) => f.name)].sort()).toEqual(Object.keys(document).sort());
    const field = (name: string) => schema.fields.find((f) => f.name === name);
    expect(schema.fields.filter((f) => f.facet).map((f) => f.name)).toEqual(["category", "city", "priceBand"]);
    expect(field("location")).toMatchObject({ type: "geopoint" });
    expect(field("startsAt")).toMatchObject({ type: "int64", sort: true });
    expect(field("performers")).toMatchObject({ type: "string[]" });
    expect(field("available")).toMatchObject({ type: "bool" });
    // Stored for display only: Typesense wants those optional.
    for (const name of ["slug", "timeZone", "currency"])
      expect(field(name)).toMatchObject({ index: false, optional: true });
  });
});

describe("reindexAll against Typesense's HTTP API", () => {
  const now = new Date("2030-05-06T07:08:09.000Z");
  const fresh = `events_${now.getTime()}`;
  let fake: FakeTypesense;

  beforeEach(async () => {
    fake = await startFakeTypesense();
    fake.addCollection(collectionSchema("events_old"), [{ id: "evt_stale", title: "Stale" }]);
    fake.aliases.set("events", "events_old");
  });

  afterEach(async () => {
    await fake.close();
  });

  async function ourEvents() {
    const { user } = await createUserWithToken("ORGANIZER");
    const { events } = await createOrganizationWithEvents(user.id, 3);
    await db.event.update({ where: { id: events[2]!.id }, data: { status: "DRAFT" } });
    return { published: events.slice(0, 2).map((e) => e.id), draft: events[2]!.id };
  }

  const position = (method: string, path: string) =>
    fake.requests.findIndex((r) => r.method === method && r.path === path);

  it("fills a new collection in batches, points the alias at it, then drops the old one", async () => {
    const { published, draft } = await ourEvents();

    const result = await reindexAll({ db, url: fake.url, apiKey: fake.apiKey, batchSize: 2, now });

    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/collections" });
    expect(fake.requests[0]!.json).toEqual(collectionSchema(fresh));

    const imports = fake.requests.filter((r) => r.path === `/collections/${fresh}/documents/import`);
    expect(imports.length).toBeGreaterThanOrEqual(1);
    const ids: string[] = [];
    for (const request of imports) {
      expect(request.method).toBe("POST");
      expect(request.query).toMatchObject({ action: "upsert" });
      expect(request.headers["content-type"]).toMatch(/^text\/plain/);
      const lines = jsonLines(request.rawBody);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(2);
      ids.push(...lines.map((line) => String(line.id)));
    }
    expect(ids).toEqual(expect.arrayContaining(published));
    expect(ids).not.toContain(draft);
    expect(new Set(ids).size).toBe(ids.length);

    expect(result).toEqual({ collection: fresh, indexed: ids.length, dropped: ["events_old"] });
    expect(fake.collections.get(fresh)!.documents.size).toBe(ids.length);
    expect(fake.collections.get(fresh)!.documents.get(published[0]!)).toEqual(
      await searchDocumentFor(db, published[0]!),
    );

    // Swapped only once everything is in, and the old collection dropped only after the swap.
    const lastImport = fake.requests.lastIndexOf(imports.at(-1)!);
    expect(position("GET", "/aliases/events")).toBeGreaterThan(lastImport);
    expect(position("PUT", "/aliases/events")).toBeGreaterThan(position("GET", "/aliases/events"));
    expect(position("DELETE", "/collections/events_old")).toBeGreaterThan(position("PUT", "/aliases/events"));
    expect(fake.requests.find((r) => r.method === "PUT")!.json).toEqual({ collection_name: fresh });
    expect(fake.aliases.get("events")).toBe(fresh);
    expect([...fake.collections.keys()]).toEqual([fresh]);
    for (const request of fake.requests) expect(request.headers["x-typesense-api-key"]).toBe(fake.apiKey);
  });

  it("creates the alias on a first reindex and drops nothing", async () => {
    fake.aliases.clear();
    fake.collections.clear();
    await ourEvents();

    const result = await reindexAll({ db, url: fake.url, apiKey: fake.apiKey, alias: "catalogue", now });

    expect(result.collection).toBe(`catalogue_${now.getTime()}`);
    expect(result.dropped).toEqual([]);
    expect(fake.aliases.get("catalogue")).toBe(result.collection);
    expect(fake.requests.some((r) => r.method === "DELETE")).toBe(false);
  });

  it("drops the new collection and leaves the alias alone when an import line fails", async () => {
    await ourEvents();
    fake.respond("POST", `/collections/${fresh}/documents/import`, (request) =>
      importResponse(
        jsonLines(request.rawBody).map((line, index) =>
          index === 0
            ? {
                code: 400,
                error: "Field `title` must be a string.",
                success: false,
                document: JSON.stringify(line),
                id: line.id,
              }
            : { success: true, id: line.id },
        ),
      ),
    );

    await expect(reindexAll({ db, url: fake.url, apiKey: fake.apiKey, now })).rejects.toThrow(
      /Typesense refused 1 of \d+ events in events_\d+: \S+: Field `title` must be a string\./,
    );

    expect(fake.requests.filter((r) => r.path.endsWith("/documents/import"))).toHaveLength(1);
    expect(position("DELETE", `/collections/${fresh}`)).toBeGreaterThan(0);
    expect(fake.requests.some((r) => r.path.startsWith("/aliases"))).toBe(false);
    expect(fake.aliases.get("events")).toBe("events_old");
    expect([...fake.collections.keys()]).toEqual(["events_old"]);
  });
});
