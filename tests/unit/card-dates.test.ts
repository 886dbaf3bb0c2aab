import { describe, expect, it } from "vitest";
import { formatShortDate, ticketPlace } from "@/lib/format";

describe("an event card's date", () => {
  it("has no year when the show is this year where the venue is", () => {
    const now = new Date("2031-06-01T12:00:00Z");
    expect(formatShortDate(new Date("2031-09-13T01:00:00Z"), "America/Chicago", now)).toEqual({
      month: "Sep",
      day: "12",
      weekday: "Fri",
      time: "8:00 PM",
    });
  });

  it("carries the year when the show is in another year where the venue is", () => {
    const now = new Date("2031-06-01T12:00:00Z");
    expect(formatShortDate(new Date("2032-01-10T02:00:00Z"), "America/Chicago", now)).toMatchObject({
      month: "Jan",
      day: "9",
      year: "2032",
    });
  });

  it("reads the year in the venue's time zone, not UTC", () => {
    // 10 PM on New Year's Eve in Chicago: already 2032 in UTC, still 2031 at the venue.
    const now = new Date("2031-12-31T18:00:00Z");
    const nye = formatShortDate(new Date("2032-01-01T04:00:00Z"), "America/Chicago", now);
    expect(nye).toMatchObject({ month: "Dec", day: "31", time: "10:00 PM" });
    expect(nye.year).toBeUndefined();
    // Tokyo's New Year has come while it is still 2031 in UTC: a show there next week is "this year" there.
    const tokyo = formatShortDate(new Date("2032-01-05T10:00:00Z"), "Asia/Tokyo", new Date("2031-12-31T16:00:00Z"));
    expect(tokyo.year).toBeUndefined();
  });

  it("names a ticket's place", () => {
    expect(ticketPlace({ ticketType: { name: "Floor" }, seat: { section: "101", row: "2", number: "5" } })).toBe(
      "Section 101, Row 2, Seat 5",
    );
    expect(ticketPlace({ ticketType: { name: "Standing" }, seat: null })).toBe("Standing (general admission)");
  });
});
