import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SearchEngine } from "@/lib/search/engine";
import { catalogueTimeZones } from "@/lib/search/time-zones";
import type { FakeTypesense } from "../support/fake-typesense";
import { query, searches, startTypesenseEngine } from "../support/typesense-search";
import { createZonedCatalogue, ZONED_NOW } from "../support/zoned-catalogue";

const seconds = (iso: string) => new Date(iso).getTime() / 1000;

/** The windows of a filter_by's calendar clause: `(timeZone:=[…] && startsAt:>=… && startsAt:<…) || …`. */
function windowsOf(filter: string) {
  const clause = /\((\(timeZone:=.*\))\)/.exec(filter)?.[1];
  expect(clause, filter).toBeDefined();
  return clause!.split(" || ").map((part) => {
    const match = /^\(timeZone:=\[(.*)\] && startsAt:>=(\d+)(?: && startsAt:<(\d+))?\)$/.exec(part);
    expect(match, part).not.toBeNull();
    return {
      timeZones: match![1]!.split(",").map((zone) => zone.replaceAll("`", "")),
      from: Number(match![2]),
      to: match![3] === undefined ? undefined : Number(match![3]),
    };
  });
}

describe("typesenseSearch date filters, at Typesense's HTTP API", () => {
  let fake: FakeTypesense;
  let engine: SearchEngine;

  beforeAll(async () => {
    // Venues in Chicago, New York, London and Berlin, before the engine first reads the zones.
    await createZonedCatalogue(db);
  });

  beforeEach(async () => {
    ({ fake, engine } = await startTypesenseEngine());
  });

  afterEach(async () => {
    await fake.close();
  });

  it("filters each venue time zone by its own today, zones with one range sharing a window", async () => {
    await engine.search(query({ dates: { when: "today" }, now: ZONED_NOW }));
    const zones = await catalogueTimeZones(db);
    for (const request of searches(fake)) {
      const windows = windowsOf(request.query.filter_by!);
      // Every zone of the catalogue, once.
      expect(windows.flatMap((w) => w.timeZones).sort()).toEqual([...zones].sort());
      const windowOf = (zone: string) => windows.find((w) => w.timeZones.includes(zone));
      expect(windowOf("America/Chicago")).toMatchObject({
        from: seconds("2031-01-14T06:00:00Z"),
        to: seconds("2031-01-15T06:00:00Z"),
      });
      expect(windowOf("America/New_York")).toMatchObject({
        from: seconds("2031-01-14T05:00:00Z"),
        to: seconds("2031-01-15T05:00:00Z"),
      });
      expect(windowOf("Europe/London")).toMatchObject({
        from: seconds("2031-01-14T00:00:00Z"),
        to: seconds("2031-01-15T00:00:00Z"),
      });
      // Already Wednesday in Berlin.
      expect(windowOf("Europe/Berlin")).toMatchObject({
        from: seconds("2031-01-14T23:00:00Z"),
        to: seconds("2031-01-15T23:00:00Z"),
      });
      expect(new Set(windows.map((w) => `${w.from}-${w.to}`)).size).toBe(windows.length);
      // Visibility still applies: nothing that has started.
      expect(request.query.filter_by).toContain(`startsAt:>=${ZONED_NOW.getTime() / 1000}`);
    }
  });

  it("reads a weekend across a daylight saving change in the venue's zone", async () => {
    await engine.search(query({ dates: { when: "weekend" }, now: new Date("2031-03-04T12:00:00Z") }));
    const windows = windowsOf(searches(fake)[0]!.query.filter_by!);
    // Friday 7 March 18:00 EST to Monday 10 March 00:00 EDT.
    expect(windows.find((w) => w.timeZones.includes("America/New_York"))).toMatchObject({
      from: seconds("2031-03-07T23:00:00Z"),
      to: seconds("2031-03-10T04:00:00Z"),
    });
  });

  it("leaves custom days open-ended when only one is given", async () => {
    await engine.search(query({ dates: { fromDay: "2031-02-01" }, now: ZONED_NOW }));
    const windows = windowsOf(searches(fake)[0]!.query.filter_by!);
    expect(windows.find((w) => w.timeZones.includes("Europe/Berlin"))).toEqual({
      timeZones: expect.arrayContaining(["Europe/Berlin"]),
      from: seconds("2031-01-31T23:00:00Z"),
      to: undefined,
    });
  });
});
