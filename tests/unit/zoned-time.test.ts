import { describe, expect, it } from "vitest";
import { isLocalDateTime, utcOffsetLabel, utcToVenueLocal, venueLocalToUtc } from "@/lib/zoned-time";

const iso = (local: string, zone: string) => venueLocalToUtc(local, zone)?.toISOString() ?? null;

describe("venue-local times to UTC and back", () => {
  it("converts ordinary times with the offset in force on that day", () => {
    expect(iso("2027-01-15T20:00", "America/New_York")).toBe("2027-01-16T01:00:00.000Z"); // EST, −5
    expect(iso("2027-07-15T20:00", "America/New_York")).toBe("2027-07-16T00:00:00.000Z"); // EDT, −4
    expect(iso("2027-07-15T20:00", "Europe/Berlin")).toBe("2027-07-15T18:00:00.000Z"); // CEST, +2
    expect(iso("2027-07-15T20:00", "Asia/Kolkata")).toBe("2027-07-15T14:30:00.000Z"); // +5:30, no DST
    expect(iso("2027-07-15T20:00", "Asia/Kathmandu")).toBe("2027-07-15T14:15:00.000Z"); // +5:45
    expect(iso("2027-07-15T20:00", "UTC")).toBe("2027-07-15T20:00:00.000Z");
  });

  it("reads back what it wrote, in every zone, across a whole year of hours", () => {
    for (const zone of ["America/New_York", "Europe/London", "Australia/Sydney", "Pacific/Chatham"]) {
      for (let h = 0; h < 365 * 24; h += 7) {
        const instant = new Date(Date.UTC(2027, 0, 1) + h * 3600_000);
        const local = utcToVenueLocal(instant, zone);
        expect(venueLocalToUtc(local, zone)?.getTime(), `${zone} ${local}`).toBeLessThanOrEqual(instant.getTime());
        expect(utcToVenueLocal(venueLocalToUtc(local, zone)!, zone)).toBe(local);
      }
    }
  });

  it("returns null for a time skipped when clocks go forward", () => {
    // New York: 2027-03-14 02:00 EST → 03:00 EDT.
    expect(iso("2027-03-14T02:30", "America/New_York")).toBeNull();
    expect(iso("2027-03-14T01:59", "America/New_York")).toBe("2027-03-14T06:59:00.000Z");
    expect(iso("2027-03-14T03:00", "America/New_York")).toBe("2027-03-14T07:00:00.000Z");
    // Berlin: 2027-03-28 02:00 CET → 03:00 CEST.
    expect(iso("2027-03-28T02:15", "Europe/Berlin")).toBeNull();
    // Sydney (southern hemisphere): 2027-10-03 02:00 AEST → 03:00 AEDT.
    expect(iso("2027-10-03T02:30", "Australia/Sydney")).toBeNull();
    // Lord Howe moves by half an hour: 02:00 → 02:30.
    expect(iso("2027-10-03T02:10", "Australia/Lord_Howe")).toBeNull();
    expect(iso("2027-10-03T02:30", "Australia/Lord_Howe")).not.toBeNull();
  });

  it("takes the earlier instant for a time that happens twice when clocks go back", () => {
    // New York: 2027-11-07 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and again at 06:30Z.
    expect(iso("2027-11-07T01:30", "America/New_York")).toBe("2027-11-07T05:30:00.000Z");
    expect(utcToVenueLocal(new Date("2027-11-07T06:30:00Z"), "America/New_York")).toBe("2027-11-07T01:30");
    expect(iso("2027-11-07T02:00", "America/New_York")).toBe("2027-11-07T07:00:00.000Z");
    // London: 2027-10-31 02:00 BST → 01:00 GMT.
    expect(iso("2027-10-31T01:15", "Europe/London")).toBe("2027-10-31T00:15:00.000Z");
  });

  it("handles the hours either side of a change and midnight in far-east zones", () => {
    expect(utcToVenueLocal(new Date("2027-03-14T06:59:00Z"), "America/New_York")).toBe("2027-03-14T01:59");
    expect(utcToVenueLocal(new Date("2027-03-14T07:00:00Z"), "America/New_York")).toBe("2027-03-14T03:00");
    expect(iso("2027-01-01T00:00", "Pacific/Kiritimati")).toBe("2026-12-31T10:00:00.000Z"); // +14
  });

  it("refuses malformed and impossible dates", () => {
    expect(isLocalDateTime("2027-04-31T10:00")).toBe(false);
    expect(isLocalDateTime("2027-02-29T10:00")).toBe(false);
    expect(isLocalDateTime("2028-02-29T10:00")).toBe(true);
    expect(isLocalDateTime("2027-01-01T24:00")).toBe(false);
    expect(isLocalDateTime("2027-01-01 10:00")).toBe(false);
    expect(() => venueLocalToUtc("tomorrow", "UTC")).toThrow(RangeError);
  });

  it("labels the offset in force", () => {
    expect(utcOffsetLabel(new Date("2027-01-15T12:00:00Z"), "America/New_York")).toBe("UTC−05:00");
    expect(utcOffsetLabel(new Date("2027-07-15T12:00:00Z"), "Asia/Kolkata")).toBe("UTC+05:30");
  });
});
