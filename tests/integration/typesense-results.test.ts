import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchEngine } from "@/lib/search/engine";
import { highlight, searchResponse, type FakeTypesense, type RecordedRequest } from "../support/fake-typesense";
import { indexedEvent, NOW_S, query, SEARCH_PATH, startTypesenseEngine } from "../support/typesense-search";

describe("typesenseSearch against Typesense's HTTP API", () => {
  let fake: FakeTypesense;
  let engine: SearchEngine;

  beforeEach(async () => {
    ({ fake, engine } = await startTypesenseEngine());
  });

  afterEach(async () => {
    await fake.close();
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
            onSaleAt: new Date((NOW_S - 86_400) * 1000),
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
            onSaleAt: new Date((NOW_S - 86_400) * 1000),
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
        corrected: false,
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
});
