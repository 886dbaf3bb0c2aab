import { describe, expect, it } from "vitest";
import { formatOnSaleDate } from "@/lib/format";
import { searchParamsInput, toSearchQuery } from "@/lib/search/schemas";

const now = new Date("2031-01-14T23:00:00Z");
const parse = (params: Record<string, string>) => toSearchQuery(searchParamsInput.parse(params), now);

describe("search date parameters", () => {
  it("reads when and from/to days as the venue's calendar, date-times as instants", () => {
    expect(parse({ when: "today" })).toMatchObject({ dates: { when: "today" } });
    const days = parse({ from: "2031-01-15", to: "2031-01-16" });
    expect(days).toMatchObject({ dates: { fromDay: "2031-01-15", toDay: "2031-01-16" } });
    expect(days.from).toBeUndefined();
    const instants = parse({ from: "2031-01-15T18:00:00-06:00" });
    expect(instants.dates).toBeUndefined();
    expect(instants.from).toEqual(new Date("2031-01-16T00:00:00Z"));
    expect(parse({ q: "luna", exact: "1" })).toMatchObject({ q: "luna", exact: true });
  });

  it("refuses a to before from, and allows one day as both", () => {
    expect(searchParamsInput.safeParse({ from: "2031-01-15", to: "2031-01-14" }).success).toBe(false);
    expect(searchParamsInput.safeParse({ from: "2031-01-15", to: "2031-01-15" }).success).toBe(true);
    expect(searchParamsInput.safeParse({ from: "2031-01-15T10:00:00Z", to: "2031-01-15T09:00:00Z" }).success).toBe(
      false,
    );
  });
});

describe("formatOnSaleDate", () => {
  it("shows the venue's weekday, date, time and zone, and the year only when it is not this year", () => {
    const onSale = new Date("2031-01-09T16:00:00Z");
    expect(formatOnSaleDate(onSale, "America/Chicago", new Date("2031-01-05T00:00:00Z"))).toBe(
      "Thu, Jan 9 at 10:00 AM CST",
    );
    expect(formatOnSaleDate(onSale, "America/Chicago", new Date("2030-12-01T00:00:00Z"))).toBe(
      "Thu, Jan 9, 2031 at 10:00 AM CST",
    );
    // 01:00 on 10 January in Berlin: the venue's day, not UTC's.
    expect(formatOnSaleDate(new Date("2031-01-10T00:00:00Z"), "Europe/Berlin", onSale)).toMatch(
      /^Fri, Jan 10 at 1:00 AM (GMT\+1|CET)$/,
    );
  });
});
