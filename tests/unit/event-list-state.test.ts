import { describe, expect, it } from "vitest";
import { eventListState } from "@/lib/events/authoring-queries";

const now = new Date("2027-05-01T12:00:00Z");
const event = (over: Partial<Parameters<typeof eventListState>[0]> = {}) => ({
  status: "PUBLISHED",
  onSaleAt: new Date("2027-04-01T00:00:00Z"),
  startsAt: new Date("2027-06-01T20:00:00Z"),
  endsAt: new Date("2027-06-01T23:00:00Z"),
  ...over,
});
const tickets = { sold: 10, capacity: 100 };

describe("the state an organizer's event list shows", () => {
  it("tells drafts, cancelled, scheduled, on-sale, sold-out, happening and past events apart", () => {
    expect(eventListState(event({ status: "DRAFT" }), tickets, now)).toBe("draft");
    expect(eventListState(event({ status: "CANCELLED" }), tickets, now)).toBe("cancelled");
    expect(eventListState(event({ onSaleAt: new Date("2027-05-10T00:00:00Z") }), tickets, now)).toBe("scheduled");
    expect(eventListState(event(), tickets, now)).toBe("on-sale");
    expect(eventListState(event(), { sold: 100, capacity: 100 }, now)).toBe("sold-out");
    const tonight = { startsAt: new Date("2027-05-01T11:00:00Z"), endsAt: new Date("2027-05-01T14:00:00Z") };
    expect(eventListState(event(tonight), tickets, now)).toBe("happening");
    const lastWeek = { startsAt: new Date("2027-04-24T20:00:00Z"), endsAt: new Date("2027-04-24T23:00:00Z") };
    expect(eventListState(event(lastWeek), tickets, now)).toBe("past");
  });

  it("does not call an event without tickets sold out", () => {
    expect(eventListState(event(), { sold: 0, capacity: 0 }, now)).toBe("on-sale");
  });
});
