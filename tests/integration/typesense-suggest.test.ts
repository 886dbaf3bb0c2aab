import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchEngine } from "@/lib/search/engine";
import { searchResponse, type FakeTypesense } from "../support/fake-typesense";
import { indexedEvent, NOW, NOW_S, SEARCH_PATH, searches, startTypesenseEngine } from "../support/typesense-search";

describe("typesenseSearch against Typesense's HTTP API", () => {
  let fake: FakeTypesense;
  let engine: SearchEngine;

  beforeEach(async () => {
    ({ fake, engine } = await startTypesenseEngine());
  });

  afterEach(async () => {
    await fake.close();
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
        include_fields: "id,slug,title,performers,venueName,startsAt,city,timeZone",
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

    it("lists each event of a tour once, told apart by city (events of one title are not merged)", async () => {
      const chicago = indexedEvent({ id: "evt_c", slug: "luna-chicago", title: "Luna Live", city: "Chicago" });
      const boston = indexedEvent({ id: "evt_b", slug: "luna-boston", title: "Luna Live", city: "Boston" });
      fake.respond("GET", SEARCH_PATH, (request) =>
        searchResponse(request, {
          found: 2,
          hits: [chicago, boston].map((document) => ({
            document,
            highlight: { title: { matched_tokens: ["Luna"], snippet: "<mark>Luna</mark> Live" } },
            text_match: 1,
          })),
        }),
      );
      expect(await engine.suggest("luna", { limit: 5, now: NOW })).toEqual([
        { kind: "event", label: "Luna Live", href: "/events/luna-chicago", detail: "Chicago" },
        { kind: "event", label: "Luna Live", href: "/events/luna-boston", detail: "Boston" },
      ]);
    });

    it.each(["", "   ", '""', "*"])("asks nothing for %j", async (q) => {
      expect(await engine.suggest(q, { limit: 5, now: NOW })).toEqual([]);
      expect(fake.requests).toHaveLength(0);
    });
  });
});
