import { describe, expect, it } from "vitest";
import { eventSuggestions, type EventSuggestionSource } from "@/lib/search/suggestion-labels";

const now = new Date("2031-03-01T12:00:00Z");
const show = (slug: string, title: string, startsAt: string, city: string, timeZone = "America/Chicago") =>
  ({
    label: title,
    href: `/events/${slug}`,
    startsAt: new Date(startsAt),
    city,
    timeZone,
  }) satisfies EventSuggestionSource;

describe("event suggestions with the same title", () => {
  it("leave a unique title alone", () => {
    expect(eventSuggestions([show("a", "Luna Marquez", "2031-03-14T01:00:00Z", "Chicago")], now)).toEqual([
      { kind: "event", label: "Luna Marquez", href: "/events/a" },
    ]);
  });

  it("tell a tour's stops apart by city", () => {
    const items = eventSuggestions(
      [
        show("a", "Luna Marquez: Live", "2031-03-14T01:00:00Z", "Chicago"),
        show("b", "Other show", "2031-03-15T01:00:00Z", "Chicago"),
        show("c", "luna marquez: live", "2031-03-16T00:00:00Z", "New York", "America/New_York"),
      ],
      now,
    );
    expect(items.map((i) => i.detail)).toEqual(["Chicago", undefined, "New York"]);
  });

  it("tell a residency's nights apart by the date in the venue's time zone, with the year when not this one", () => {
    const items = eventSuggestions(
      [
        // 7 PM on Friday, March 14 in Chicago is already the 15th in UTC.
        show("a", "Comedy Night", "2031-03-15T00:00:00Z", "Chicago"),
        show("b", "Comedy Night", "2032-01-10T02:00:00Z", "Chicago"),
      ],
      now,
    );
    expect(items.map((i) => i.detail)).toEqual(["Fri, Mar 14", "Fri, Jan 9, 2032"]);
  });

  it("tell two shows of one evening apart by time and city", () => {
    const items = eventSuggestions(
      [
        show("a", "Comedy Night", "2031-03-15T00:00:00Z", "Chicago"),
        show("b", "Comedy Night", "2031-03-15T03:00:00Z", "Chicago"),
      ],
      now,
    );
    expect(items.map((i) => i.detail)).toEqual(["Fri, Mar 14, 7:00 PM · Chicago", "Fri, Mar 14, 10:00 PM · Chicago"]);
  });
});
