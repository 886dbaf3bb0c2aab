import { describe, expect, it } from "vitest";
import { dateWindows, localRange } from "@/lib/search/local-dates";

const iso = (range: { from: Date; to?: Date }) => ({ from: range.from.toISOString(), to: range.to?.toISOString() });
const ZONES = ["America/Chicago", "America/New_York", "Europe/London", "Europe/Berlin"];

describe("localRange", () => {
  // Tuesday 14 January 2031, 23:00 UTC: 17:00 in Chicago, already Wednesday in Berlin.
  const now = new Date("2031-01-14T23:00:00Z");

  it("takes today from each zone's midnight to the next", () => {
    expect(iso(localRange({ when: "today" }, "America/Chicago", now))).toEqual({
      from: "2031-01-14T06:00:00.000Z",
      to: "2031-01-15T06:00:00.000Z",
    });
    expect(iso(localRange({ when: "today" }, "Europe/Berlin", now))).toEqual({
      from: "2031-01-14T23:00:00.000Z",
      to: "2031-01-15T23:00:00.000Z",
    });
  });

  it("takes the weekend as Friday 18:00 to Monday 00:00 local, also from a Saturday or Sunday", () => {
    expect(iso(localRange({ when: "weekend" }, "America/New_York", now))).toEqual({
      from: "2031-01-17T23:00:00.000Z",
      to: "2031-01-20T05:00:00.000Z",
    });
    const sunday = new Date("2031-01-19T12:00:00Z");
    expect(iso(localRange({ when: "weekend" }, "Europe/London", sunday))).toEqual({
      from: "2031-01-17T18:00:00.000Z",
      to: "2031-01-20T00:00:00.000Z",
    });
  });

  it("keeps local midnight across daylight saving changes", () => {
    // The US springs forward on Sunday 9 March 2031: the weekend starts at EST and ends at EDT.
    expect(iso(localRange({ when: "weekend" }, "America/Chicago", new Date("2031-03-04T12:00:00Z")))).toEqual({
      from: "2031-03-08T00:00:00.000Z",
      to: "2031-03-10T05:00:00.000Z",
    });
    // Europe falls back on Sunday 26 October 2031: that day has 25 hours.
    expect(iso(localRange({ when: "today" }, "Europe/Berlin", new Date("2031-10-26T12:00:00Z")))).toEqual({
      from: "2031-10-25T22:00:00.000Z",
      to: "2031-10-26T23:00:00.000Z",
    });
  });

  it("starts a day skipped at midnight when the clocks resume", () => {
    // Santiago springs forward at midnight: 7 September 2031 starts at 01:00.
    const range = localRange(
      { fromDay: "2031-09-07", toDay: "2031-09-07" },
      "America/Santiago",
      new Date("2031-09-01T00:00:00Z"),
    );
    expect(iso(range)).toEqual({ from: "2031-09-07T04:00:00.000Z", to: "2031-09-08T03:00:00.000Z" });
  });

  it("takes this month to the first of the next, and custom days with the last one included", () => {
    expect(iso(localRange({ when: "month" }, "America/Chicago", now))).toEqual({
      from: "2031-01-14T06:00:00.000Z",
      to: "2031-02-01T06:00:00.000Z",
    });
    expect(iso(localRange({ when: "month" }, "Europe/Berlin", new Date("2031-12-31T23:30:00Z")))).toEqual({
      from: "2031-12-31T23:00:00.000Z",
      to: "2032-01-31T23:00:00.000Z",
    });
    expect(iso(localRange({ fromDay: "2031-02-01", toDay: "2031-02-02" }, "Europe/London", now))).toEqual({
      from: "2031-02-01T00:00:00.000Z",
      to: "2031-02-03T00:00:00.000Z",
    });
    expect(iso(localRange({ toDay: "2031-02-02" }, "Europe/London", now))).toEqual({
      from: now.toISOString(),
      to: "2031-02-03T00:00:00.000Z",
    });
  });
});

describe("dateWindows", () => {
  it("groups zones whose range is the same", () => {
    const windows = dateWindows({ when: "today" }, [...ZONES, "America/Detroit"], new Date("2031-01-14T23:00:00Z"));
    expect(windows.map((w) => w.timeZones)).toEqual([
      ["America/Chicago"],
      ["America/New_York", "America/Detroit"],
      ["Europe/London"],
      ["Europe/Berlin"],
    ]);
  });

  it("has no windows without zones", () => {
    expect(dateWindows({ when: "today" }, [], new Date())).toEqual([]);
  });
});
