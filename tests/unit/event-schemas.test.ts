import { describe, expect, it } from "vitest";
import {
  createEventForm,
  createEventInput,
  eventChanges,
  majorToMinor,
  ticketTypeForm,
} from "@/lib/events/event-schemas";

describe("the organizer schemas", () => {
  it("reads prices in major units, refusing what is not an amount", () => {
    expect(majorToMinor("25")).toBe(2500);
    expect(majorToMinor("25.5")).toBe(2550);
    expect(majorToMinor("25,50")).toBe(2550);
    expect(majorToMinor("1200", 0)).toBe(1200);
    expect(majorToMinor("1.999")).toBeNull();
    expect(majorToMinor("-3")).toBeNull();
    expect(majorToMinor("12abc")).toBeNull();
  });

  it("turns the new-event form into the API's shape: one ticket type per zone of the chosen seat map", () => {
    const parsed = createEventForm.parse({
      organizationId: "org1",
      venueId: "v1",
      layoutId: "l1",
      title: "  Arena Night ",
      category: "CONCERT",
      performers: "The Comets\nLuna, DJ Sol",
      tags: "",
      description: "**hi**",
      startsAt: "2027-07-15T20:00",
      endsAt: "2027-07-15T23:00",
      onSaleAt: "",
      perOrderLimit: "6",
      holdMinutes: "10",
      currency: "JPY",
      "zoneName.floor": "Floor",
      "zonePrice.floor": "12000",
      "zoneName.upper": "Upper",
      "zonePrice.upper": "4500",
      gaPrice: "ignored without a layout",
    });
    expect(parsed).toMatchObject({
      title: "Arena Night",
      performers: ["The Comets", "Luna", "DJ Sol"],
      tags: [],
      perOrderLimit: 6,
      queueEnabled: false,
      currency: "JPY",
      ticketTypes: [
        { zone: "floor", name: "Floor", priceMinor: 12_000 },
        { zone: "upper", name: "Upper", priceMinor: 4_500 },
      ],
    });
    expect(parsed).not.toHaveProperty("onSaleAt");
  });

  it("reports a malformed price beside its own input", () => {
    const result = createEventForm.safeParse({
      venueId: "v1",
      title: "GA",
      category: "COMEDY",
      startsAt: "2027-07-15T20:00",
      endsAt: "2027-07-15T23:00",
      perOrderLimit: "8",
      holdMinutes: "10",
      gaName: "Standing",
      gaPrice: "twenty",
      gaCapacity: "100",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["gaPrice"]);

    const unpriced = createEventForm.safeParse({
      venueId: "v1",
      layoutId: "l1",
      title: "Seated",
      category: "THEATRE",
      startsAt: "2027-07-15T20:00",
      endsAt: "2027-07-15T23:00",
      perOrderLimit: "8",
      holdMinutes: "10",
      "zonePrice.stalls": "",
      "zonePrice.circle": "0",
    });
    expect(unpriced.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "zonePrice.stalls: is required (0 for free tickets)",
    ]);
  });

  it("keeps the API strict: unknown fields, bad times and impossible order sizes are refused", () => {
    const base = {
      venueId: "v",
      title: "T",
      category: "SPORTS",
      startsAt: "2027-01-01T10:00",
      endsAt: "2027-01-01T12:00",
    };
    expect(createEventInput.safeParse(base).success).toBe(true);
    expect(createEventInput.safeParse({ ...base, status: "PUBLISHED" }).success).toBe(false);
    expect(createEventInput.safeParse({ ...base, startsAt: "next friday" }).success).toBe(false);
    expect(createEventInput.safeParse({ ...base, startsAt: "2027-01-01T10:00:00+01:00" }).success).toBe(true);
    const ga = { name: "GA", priceMinor: 100, capacity: 10 };
    expect(
      createEventInput.safeParse({ ...base, ticketTypes: [{ ...ga, minPerOrder: 4, maxPerOrder: 2 }] }).success,
    ).toBe(false);
    expect(createEventInput.safeParse({ ...base, ticketTypes: [{ name: "GA", priceMinor: 100 }] }).success).toBe(false);
    expect(eventChanges.safeParse({}).success).toBe(false);
    expect(eventChanges.safeParse({ venueId: "elsewhere" }).success).toBe(false);
  });

  it("clears a ticket type's sale window when the form leaves it empty", () => {
    const parsed = ticketTypeForm.parse({
      eventId: "e",
      ticketTypeId: "t",
      name: "Early",
      price: "19.99",
      fee: "",
      currency: "EUR",
      salesStartAt: "",
      salesEndAt: "",
      minPerOrder: "1",
      maxPerOrder: "",
    });
    expect(parsed).toMatchObject({
      priceMinor: 1999,
      feeMinor: 0,
      salesStartAt: null,
      salesEndAt: null,
      maxPerOrder: null,
      hidden: false,
    });
  });
});
