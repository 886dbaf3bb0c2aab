import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { SearchEngine, SearchQuery } from "@/lib/search/engine";
import { createSearchCatalogue, type SearchCatalogue } from "../support/search-catalogue";

type ContractSetup = { engine: SearchEngine; db: Db; teardown: () => Promise<void> };

/**
 * The behaviour every SearchEngine must have, on a fixed small catalogue in a
 * database of its own (exact counts and rankings must not see other tests' events).
 */
export function searchEngineContract(name: string, setup: () => Promise<ContractSetup>) {
  describe(`${name} search contract`, () => {
    let c: SearchCatalogue;
    let context: ContractSetup;
    const getEngine = () => context.engine;
    const now = new Date();
    const search = (query: Partial<SearchQuery>) =>
      getEngine().search({ sort: "relevance", page: 1, pageSize: 20, now, ...query });
    const keys = (result: { items: { id: string }[] }) =>
      result.items.map((item) => Object.keys(c).find((key) => c[key]!.id === item.id) ?? "other");

    beforeAll(async () => {
      context = await setup();
      c = await createSearchCatalogue(context.db, now);
    });

    afterAll(async () => {
      await context?.teardown();
    });

    it("ranks title and performer matches above description matches", async () => {
      const result = await search({ q: "taylor swift" });
      expect(keys(result)).toEqual(["eras", "knicks"]);
      expect(result.items[0]!.highlightedTitle).toContain("<mark>");
    });

    it("finds misspelled artists and venues and says what it understood", async () => {
      const swift = await search({ q: "tayler swfit" });
      expect(keys(swift)[0]).toBe("eras");
      expect(swift.didYouMean).toBe("taylor swift");
      expect(keys(await search({ q: "madision sqare" })).sort()).toEqual(["eras", "knicks"]);
      expect(keys(await search({ q: "colplay" })).sort()).toEqual(["soldout", "spheres"]);
    });

    it("matches prefixes while typing and ignores accents", async () => {
      expect(keys(await search({ q: "cold" }))).toContain("spheres");
      expect(keys(await search({ q: "misera" }))).toEqual(["miserables"]);
      expect(keys(await search({ q: "Misérables" }))).toEqual(["miserables"]);
      expect(keys(await search({ q: "chatelet" }))).toEqual(["miserables"]);
    });

    it("shows only published, upcoming events unless asked for past ones", async () => {
      const all = keys(await search({ q: "taylor swift" }));
      expect(all).not.toContain("past");
      expect(all).not.toContain("draft");
      expect(keys(await search({ q: "coldplay" }))).not.toContain("cancelled");
      const withPast = keys(await search({ q: "taylor swift", includePast: true }));
      expect(withPast).toContain("past");
      expect(withPast).not.toContain("draft");
    });

    it("filters by city, category, dates, price, distance and availability", async () => {
      expect(keys(await search({ q: "coldplay", city: "los angeles" })).sort()).toEqual(["soldout", "spheres"]);
      expect(keys(await search({ q: "knicks", category: "SPORTS" }))).toEqual(["knicks"]);
      expect(keys(await search({ q: "swift", category: "FAMILY" }))).toEqual(["kids"]);
      const inTwoWeeks = new Date(now.getTime() + 14 * 86_400_000);
      expect(keys(await search({ q: "swift", to: inTwoWeeks })).sort()).toEqual(["eras", "kids", "knicks"]);
      expect(keys(await search({ q: "coldplay", minPriceMinor: 10_000 }))).toEqual(["soldout"]);
      expect(keys(await search({ q: "swift", maxPriceMinor: 5_000 }))).toEqual(["kids"]);
      expect(keys(await search({ q: "coldplay", availableOnly: true }))).toEqual(["spheres"]);
      const nearLa = await search({ q: "swift", near: { lat: 34.05, lng: -118.25, radiusKm: 50 } });
      expect(keys(nearLa)).toEqual(["kids"]);
    });

    it("counts facets for category, city and price band", async () => {
      const result = await search({ q: "taylor swift knicks lakers" });
      expect(keys(result)).toEqual(["knicks"]);
      const swift = await search({ q: "swift" });
      expect(swift.facets.category).toEqual(
        expect.arrayContaining([
          { value: "CONCERT", count: 1 },
          { value: "FAMILY", count: 1 },
          { value: "SPORTS", count: 1 },
        ]),
      );
      expect(swift.facets.city).toEqual(
        expect.arrayContaining([
          { value: "New York", count: 2 },
          { value: "Los Angeles", count: 1 },
        ]),
      );
      expect(swift.facets.priceBand).toEqual(
        expect.arrayContaining([
          { value: "under-25", count: 1 },
          { value: "50-100", count: 1 },
          { value: "100-plus", count: 1 },
        ]),
      );
    });

    it("prices an event by its lowest all-in price, for the price filter and the band facet alike", async () => {
      // The Knicks game is from $60, with $300 courtside seats.
      expect(keys(await search({ q: "swift", minPriceMinor: 10_000 }))).toEqual(["eras"]);
      const fromFifty = await search({ q: "swift", minPriceMinor: 5_000, maxPriceMinor: 9_999 });
      expect(keys(fromFifty)).toEqual(["knicks"]);
      expect(fromFifty.items[0]!.fromPrice?.amountMinor).toBe(6_000);
      const bands = (await search({ q: "swift" })).facets.priceBand;
      expect(bands).toEqual([
        { value: "100-plus", count: 1 },
        { value: "50-100", count: 1 },
        { value: "under-25", count: 1 },
      ]);
    });

    it("counts each facet within the other selected filters, so a count is what its link finds", async () => {
      const newYork = await search({ q: "swift", city: "new york" });
      expect(newYork.total).toBe(2);
      expect(newYork.facets.category).toEqual([
        { value: "CONCERT", count: 1 },
        { value: "SPORTS", count: 1 },
      ]);
      expect(newYork.facets.city).toEqual([
        { value: "New York", count: 2 },
        { value: "Los Angeles", count: 1 },
      ]);
      expect(newYork.facets.priceBand).toEqual([
        { value: "100-plus", count: 1 },
        { value: "50-100", count: 1 },
      ]);
      const concerts = await search({ q: "swift", category: "CONCERT" });
      expect(concerts.total).toBe(1);
      expect(concerts.facets.city).toEqual([{ value: "New York", count: 1 }]);
      expect(concerts.facets.category).toHaveLength(3);
      const underHundred = await search({ q: "swift", maxPriceMinor: 9_999 });
      expect(underHundred.total).toBe(2);
      expect(underHundred.facets.city).toEqual([
        { value: "Los Angeles", count: 1 },
        { value: "New York", count: 1 },
      ]);
      expect(underHundred.facets.priceBand).toHaveLength(3);
    });

    it("sorts by date or price and pages through results", async () => {
      expect(keys(await search({ q: "swift", sort: "date" }))).toEqual(["knicks", "kids", "eras"]);
      expect(keys(await search({ q: "swift", sort: "price" }))).toEqual(["kids", "knicks", "eras"]);
      const page2 = await search({ q: "swift", sort: "date", pageSize: 2, page: 2 });
      expect(page2.total).toBe(3);
      expect(keys(page2)).toEqual(["eras"]);
    });

    it("answers hostile input with results or nothing, never an error", async () => {
      const hostile = [
        `"unbalanced`,
        "back\\slash\\",
        "100% _under_score_",
        "'; DROP TABLE events; --",
        "a & | ! ( ) : * <-> b",
        "`backtick` && city:=x || (",
        "x".repeat(10_000),
        "🎸🎤",
        "   ",
      ];
      for (const q of hostile) {
        const result = await search({ q });
        expect(Array.isArray(result.items)).toBe(true);
      }
    });

    it("suggests events, performers and venues as one types, typos included", async () => {
      const engine = getEngine();
      const taylor = await engine.suggest("tayl", { limit: 8, now });
      expect(taylor).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "performer", label: "Taylor Swift" })]),
      );
      const venue = await engine.suggest("madison sq", { limit: 8, now });
      expect(venue).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "venue", label: "Madison Square Garden" })]),
      );
      const typo = await engine.suggest("colplay", { limit: 8, now });
      expect(typo).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "event", href: `/events/${c.spheres!.slug}` })]),
      );
    });
  });
}
