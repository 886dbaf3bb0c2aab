import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { SearchEngine, SearchQuery } from "@/lib/search/engine";
import { createSearchCatalogue, type SearchCatalogue } from "../support/search-catalogue";
import {
  createZonedCatalogue,
  EU_DST_NOW,
  US_DST_NOW,
  ZONED_NOW,
  type ZonedCatalogue,
  type ZonedKey,
} from "../support/zoned-catalogue";

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

    let z: ZonedCatalogue;
    const zoned = (result: { items: { id: string }[] }) =>
      result.items.map((item) => (Object.keys(z) as ZonedKey[]).find((key) => z[key].id === item.id) ?? "other").sort();

    beforeAll(async () => {
      context = await setup();
      c = await createSearchCatalogue(context.db, now);
      z = await createZonedCatalogue(context.db);
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
    describe("date filters in each venue's time zone (Chicago, New York, London, Berlin)", () => {
      const dated = (dates: SearchQuery["dates"], at: Date) =>
        search({ ...(dates ? { dates } : {}), now: at, sort: "date", pageSize: 50 });

      it("takes today as each venue's day, around midnight UTC", async () => {
        // 17:00 in Chicago, 18:00 in New York, 23:00 in London, already Wednesday in Berlin.
        expect(zoned(await dated({ when: "today" }, ZONED_NOW))).toEqual([
          "berlinTonight",
          "chicagoTonight",
          "newYorkTonight",
        ]);
      });

      it("takes the weekend as Friday 18:00 to Monday 00:00 in each venue's zone", async () => {
        expect(zoned(await dated({ when: "weekend" }, ZONED_NOW))).toEqual([
          "berlinFridayEvening",
          "chicagoFridayNight",
          "chicagoSundayLate",
        ]);
      });

      it("ends a weekend at local midnight across a daylight saving change", async () => {
        expect(zoned(await dated({ when: "weekend" }, US_DST_NOW))).toEqual(["newYorkDstSunday"]);
        expect(zoned(await dated({ when: "weekend" }, EU_DST_NOW))).toEqual(["londonDstSunday"]);
      });

      it("reads custom days, both included, in each venue's zone", async () => {
        const wednesday = await dated({ fromDay: "2031-01-15", toDay: "2031-01-15" }, ZONED_NOW);
        expect(zoned(wednesday)).toEqual(["berlinTonight", "chicagoTomorrow", "londonAfterMidnight"]);
        const untilTuesday = await dated({ toDay: "2031-01-14" }, ZONED_NOW);
        expect(zoned(untilTuesday)).toEqual(["chicagoTonight", "newYorkTonight"]);
      });

      it("takes this month up to the first of the next in each zone", async () => {
        const january = zoned(await dated({ when: "month" }, ZONED_NOW));
        // 1 February 02:00 UTC is 31 January in Chicago; 2 February 01:00 UTC is 1 February in New York.
        expect(january).toContain("chicagoComedy");
        expect(january).not.toContain("newYorkComedy");
        expect(january).not.toContain("londonDstSunday");
      });
    });

    describe("category and city words", () => {
      it("finds every event of a category by its name, in either spelling, as the category filter does", async () => {
        // Not the Chicago play whose description says "no comedy at all".
        const comedy = await search({ q: "comedy", pageSize: 50, now: ZONED_NOW });
        expect(zoned(comedy)).toEqual(["chicagoComedy", "newYorkComedy"]);
        const category = await search({ category: "COMEDY", pageSize: 50, now: ZONED_NOW });
        expect(zoned(category)).toEqual(zoned(comedy));
        const theatres = [c.miserables!.id, z.chicagoPlay.id].sort();
        expect((await search({ q: "theater" })).items.map((i) => i.id).sort()).toEqual(theatres);
        expect((await search({ q: "theatre" })).items.map((i) => i.id).sort()).toEqual(theatres);
        expect(zoned(await search({ q: "comdy", pageSize: 50, now: ZONED_NOW }))).toEqual(zoned(comedy));
      });

      it("finds every event in a city by its name, alone or with other words", async () => {
        const chicago = await search({ q: "chicago", pageSize: 50, now: ZONED_NOW });
        expect(zoned(chicago)).toEqual([
          "chicagoComedy",
          "chicagoFridayNight",
          "chicagoPlay",
          "chicagoSundayLate",
          "chicagoTomorrow",
          "chicagoTonight",
        ]);
        const comedyChicago = await search({ q: "comedy chicago", pageSize: 50, now: ZONED_NOW });
        expect(zoned(comedyChicago)).toEqual(["chicagoComedy"]);
      });
    });

    describe("one typo correction for search and suggestions", () => {
      it("finds what the suggestions offer for a misspelled name, and says so", async () => {
        const engine = getEngine();
        const suggestions = await engine.suggest("luna marqz", { limit: 8, now });
        expect(suggestions).toEqual(
          expect.arrayContaining([expect.objectContaining({ kind: "performer", label: "Luna Marquez" })]),
        );
        const result = await search({ q: "luna marqz" });
        expect(result.items.map((i) => i.id)).toEqual([z.lunaMarquez.id]);
        expect(result).toMatchObject({ didYouMean: "luna marquez", corrected: true });
      });

      it("searches the words as typed when asked, and offers the correction when they find nothing", async () => {
        const exact = await search({ q: "luna marqz", exact: true });
        expect(exact).toMatchObject({ total: 0, didYouMean: "luna marquez", corrected: false });
        expect(await search({ q: "luna marquez", exact: true })).toMatchObject({ total: 1, didYouMean: null });
      });

      it("offers only names that the same words find", async () => {
        for (const suggestion of await getEngine().suggest("marq", { limit: 8, now })) {
          if (suggestion.kind === "event") continue;
          expect((await search({ q: suggestion.label })).total).toBeGreaterThan(0);
        }
      });
    });
  });
}
