import { Errors } from "typesense";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SearchEngine } from "@/lib/search/engine";
import { typesenseSearch } from "@/lib/search/typesense";
import { searchResponse, type FakeTypesense } from "../support/fake-typesense";
import { NOW_S, query, SEARCH_PATH, searches, startTypesenseEngine } from "../support/typesense-search";

const QUERY_BY = "title,performers,venueName,city,description,tags,categoryWords";
const FACET_BY = "category,city,priceBand";

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

const hitsSearch = (fake: FakeTypesense) => searches(fake).find((r) => r.query.per_page !== "0")!;
const facetSearch = (fake: FakeTypesense, field: string) =>
  searches(fake).find((r) => r.query.per_page === "0" && r.query.facet_by === field);

describe("typesenseSearch against Typesense's HTTP API", () => {
  let fake: FakeTypesense;
  let engine: SearchEngine;

  beforeEach(async () => {
    ({ fake, engine } = await startTypesenseEngine());
  });

  afterEach(async () => {
    await fake.close();
  });

  describe("search request", () => {
    it("maps every part of a rich query to search parameters, each facet counted without its own filter", async () => {
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

      expect(searches(fake)).toHaveLength(4);
      for (const request of searches(fake)) {
        expect(request.method).toBe("GET");
        expect(request.headers["x-typesense-api-key"]).toBe(fake.apiKey);
      }
      const textParams = {
        // Typesense's phrase quotes and exclusion minus are not what a fan means.
        q: "Beatles  tribute  live",
        query_by: QUERY_BY,
        query_by_weights: "8,8,4,4,1,1,2",
        prefix: "true,true,true,true,false,true,false",
        num_typos: "2",
        typo_tokens_threshold: "1",
      };
      const [category, city, price] = [
        "category:=`CONCERT`",
        "city:=`New York`",
        // The event's price is its lowest all-in price, as the price-band facet counts it.
        "minPriceMinor:[2000..5000]",
      ];
      expect(hitsSearch(fake).query).toEqual({
        ...textParams,
        filter_by: [...base, category, city, price].join(" && "),
        sort_by: "_text_match:desc,startsAt:asc",
        page: "2",
        per_page: "20",
        exclude_fields: "description,tags,categoryWords",
        highlight_fields: "title",
        highlight_full_fields: "title",
        highlight_start_tag: "\uE000",
        highlight_end_tag: "\uE001",
      });
      // Every facet is filtered on, so the search for hits counts none.
      expect(hitsSearch(fake).query.facet_by).toBeUndefined();
      const facetQuery = (field: string, filters: string[]) => ({
        ...textParams,
        filter_by: [...base, ...filters].join(" && "),
        facet_by: field,
        max_facet_values: "25",
        per_page: "0",
      });
      expect(facetSearch(fake, "category")!.query).toEqual(facetQuery("category", [city, price]));
      expect(facetSearch(fake, "city")!.query).toEqual(facetQuery("city", [category, price]));
      expect(facetSearch(fake, "priceBand")!.query).toEqual(facetQuery("priceBand", [category, city]));
      expect(andClauses(hitsSearch(fake).query.filter_by!)).toHaveLength(8);
    });

    it("takes each selected facet from the search without its own filter, the others from the search for hits", async () => {
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
              facets: [
                { field_name: "category", counts: [{ value: "CONCERT", count: 3 }] },
                { field_name: "priceBand", counts: [{ value: "25-50", count: 3 }] },
              ],
            }),
      );

      const result = await engine.search(query({ city: "New York" }));

      expect(searches(fake).map((r) => r.query.facet_by)).toEqual(["category,priceBand", "city"]);
      expect(result.total).toBe(3);
      expect(result.facets).toEqual({
        city: [
          { value: "Boston", count: 4 },
          { value: "New York", count: 3 },
        ],
        category: [{ value: "CONCERT", count: 3 }],
        priceBand: [{ value: "25-50", count: 3 }],
      });
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

    it("leaves visibility out with includePast, and turns one-sided price bounds into a range of the lowest price", async () => {
      await engine.search(query({ includePast: true }));
      await engine.search(query({ includePast: true, maxPriceMinor: 2_499 }));
      await engine.search(query({ includePast: true, minPriceMinor: 10_000, maxPriceMinor: Number.MAX_SAFE_INTEGER }));

      const [all, upTo, from] = searches(fake).filter((r) => r.query.per_page !== "0");
      expect(all!.query.filter_by).toBeUndefined();
      expect(upTo!.query.filter_by).toBe("minPriceMinor:[0..2499]");
      // Typesense refuses a filter value outside int32.
      expect(from!.query.filter_by).toBe("minPriceMinor:[10000..2147483647]");
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
        expect(andClauses(facetSearch(fake, "category")!.query.filter_by!)).toEqual([
          "status:=PUBLISHED",
          `startsAt:>=${NOW_S}`,
          literal ? `city:=\`${literal}\`` : "minPriceMinor:<0",
        ]);
        expect(andClauses(facetSearch(fake, "city")!.query.filter_by!)).toEqual([
          "status:=PUBLISHED",
          `startsAt:>=${NOW_S}`,
          "category:=`COMEDY`",
        ]);
      },
    );

    it("cuts a 10 kB query to 200 characters", async () => {
      await engine.search(query({ q: "beatles ".repeat(1_250) }));

      expect(searches(fake)[0]!.query.q).toBe("beatles ".repeat(25).trim());
    });
  });
});
