import { describe, expect, it } from "vitest";
import { publishProblems, type PublishSnapshot } from "@/lib/events/publish-rules";

const now = new Date("2027-05-01T12:00:00Z");
const type = (over: Partial<PublishSnapshot["ticketTypes"][number]> = {}): PublishSnapshot["ticketTypes"][number] => ({
  name: "GA",
  kind: "GENERAL_ADMISSION",
  zone: null,
  hidden: false,
  currency: "USD",
  salesStartAt: null,
  salesEndAt: null,
  minPerOrder: 1,
  ...over,
});
const event = (over: Partial<PublishSnapshot> = {}): PublishSnapshot => ({
  status: "DRAFT",
  startsAt: new Date("2027-06-01T20:00:00Z"),
  endsAt: new Date("2027-06-01T23:00:00Z"),
  onSaleAt: new Date("2027-05-01T10:00:00Z"),
  perOrderLimit: 8,
  zones: null,
  ticketTypes: [type()],
  ...over,
});
const paths = (snapshot: PublishSnapshot) => publishProblems(snapshot, now).map((p) => p.path);

describe("what an event needs to be published", () => {
  it("accepts a complete general-admission draft", () => {
    expect(publishProblems(event(), now)).toEqual([]);
  });

  it("needs a visible ticket type", () => {
    expect(paths(event({ ticketTypes: [] }))).toEqual(["ticketTypes"]);
    expect(paths(event({ ticketTypes: [type({ hidden: true })] }))).toEqual(["ticketTypes"]);
  });

  it("needs every zone of the seat map priced: seats by a reserved type, standing areas by a GA type", () => {
    const zones = [
      { key: "floor", name: "Floor", seats: 0, standingCapacity: 500 },
      { key: "lower", name: "Lower", seats: 900, standingCapacity: 0 },
      { key: "empty", name: "Unused", seats: 0, standingCapacity: 0 },
    ];
    expect(paths(event({ zones, ticketTypes: [type()] }))).toEqual(["zones.floor", "zones.lower"]);
    const priced = [type({ zone: "floor" }), type({ kind: "RESERVED", zone: "lower" })];
    expect(paths(event({ zones, ticketTypes: priced }))).toEqual([]);
    // A GA type named after a seated zone does not price its seats.
    expect(paths(event({ zones, ticketTypes: [type({ zone: "floor" }), type({ zone: "lower" })] }))).toEqual([
      "zones.lower",
    ]);
  });

  it("needs sane dates", () => {
    expect(
      paths(
        event({
          startsAt: new Date("2027-04-30T20:00:00Z"),
          endsAt: new Date("2027-04-30T23:00:00Z"),
          onSaleAt: new Date("2027-04-01T00:00:00Z"),
        }),
      ),
    ).toEqual(["startsAt"]);
    expect(paths(event({ endsAt: new Date("2027-06-01T20:00:00Z") }))).toEqual(["endsAt"]);
    expect(paths(event({ onSaleAt: new Date("2027-06-02T00:00:00Z") }))).toEqual(["onSaleAt"]);
    const window = type({
      salesStartAt: new Date("2027-05-20T00:00:00Z"),
      salesEndAt: new Date("2027-05-10T00:00:00Z"),
    });
    expect(paths(event({ ticketTypes: [window] }))).toEqual(["ticketTypes.GA"]);
    const late = type({ salesStartAt: new Date("2027-06-01T21:00:00Z") });
    expect(paths(event({ ticketTypes: [late] }))).toEqual(["ticketTypes.GA"]);
  });

  it("refuses one currency mixed with another, an order minimum above the per-fan limit, and a second publish", () => {
    expect(paths(event({ ticketTypes: [type(), type({ name: "EUR", currency: "EUR" })] }))).toEqual(["ticketTypes"]);
    expect(paths(event({ ticketTypes: [type({ minPerOrder: 10 })] }))).toEqual(["ticketTypes.GA"]);
    expect(paths(event({ status: "PUBLISHED" }))).toEqual(["status"]);
    expect(paths(event({ status: "CANCELLED" }))).toEqual(["status"]);
  });
});
