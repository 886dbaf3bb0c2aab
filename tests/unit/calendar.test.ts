import { describe, expect, it } from "vitest";
import { eventCalendar } from "@/lib/orders/calendar";

describe("calendar file", () => {
  it("is valid iCalendar: CRLF lines, UTC times, escaped text, folded long lines", () => {
    const ics = eventCalendar({
      uid: "order-1@marquee",
      title: "Rock, Paper; Scissors",
      startsAt: new Date("2027-03-14T00:00:00Z"),
      endsAt: new Date("2027-03-14T03:00:00Z"),
      location: "Hudson Arena, 4 Pennline Plaza, New York",
      description: "2 tickets.\nSee you there. ".repeat(6),
      url: "https://tickets.example.com/orders/1",
      now: new Date("2027-01-01T12:00:00Z"),
    });
    const lines = ics.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART:20270314T000000Z");
    expect(lines).toContain("DTEND:20270314T030000Z");
    expect(lines).toContain("SUMMARY:Rock\\, Paper\\; Scissors");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
