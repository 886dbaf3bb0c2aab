import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSlug } from "../support/factories";

// search_events (migration 20261201145001_search_events) is kept by triggers: what search filters and
// counts read must follow every change to the event, its ticket types and its venue.

const DAY = 86_400_000;

async function eventWithPrices(prices: number[]) {
  const organization = await db.organization.create({ data: { slug: uniqueSlug("org"), name: "Facts Org" } });
  const venue = await db.venue.create({
    data: {
      organizationId: organization.id,
      slug: uniqueSlug("venue"),
      name: "Facts Hall",
      address: "1 Main St",
      city: "Zürich",
      country: "CH",
      timeZone: "Europe/Zurich",
      latitude: 47.38,
      longitude: 8.54,
    },
  });
  const startsAt = new Date(Date.now() + 10 * DAY);
  const event = await db.event.create({
    data: {
      organizationId: organization.id,
      venueId: venue.id,
      slug: uniqueSlug("facts"),
      title: "Facts Night",
      description: "A night.",
      performers: ["Facts Band"],
      category: "CONCERT",
      tags: [],
      status: "DRAFT",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      onSaleAt: new Date(Date.now() - DAY),
      ticketTypes: {
        create: prices.map((priceMinor, sortOrder) => ({
          name: `Type ${sortOrder}`,
          kind: "GENERAL_ADMISSION" as const,
          priceMinor,
          feeMinor: 100,
          currency: "USD",
          capacity: 10,
          sortOrder,
        })),
      },
    },
    include: { ticketTypes: { orderBy: { sortOrder: "asc" } } },
  });
  return { venue, event };
}

/** Whether search_events holds the event's current search vector. */
async function vectorInSync(eventId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ same: boolean }[]>`
    SELECT f."searchVector" = e."searchVector" AS same
    FROM search_events f JOIN events e ON e.id = f."eventId" WHERE f."eventId" = ${eventId}`;
  return row?.same ?? false;
}

const entry = (eventId: string) =>
  db.searchEvent.findUnique({
    where: { eventId },
    select: { status: true, startsAt: true, category: true, city: true, cityKey: true, fromPriceMinor: true },
  });

describe("search_events", () => {
  it("holds each event's status, start, category, city and lowest all-in price from the start", async () => {
    const { event } = await eventWithPrices([5_000, 2_000, 9_000]);
    expect(await entry(event.id)).toEqual({
      status: "DRAFT",
      startsAt: event.startsAt,
      category: "CONCERT",
      city: "Zürich",
      cityKey: "zurich",
      fromPriceMinor: 2_100,
    });
  });

  it("follows publishing, rescheduling, recategorizing and rewording", async () => {
    const { event } = await eventWithPrices([5_000]);
    const startsAt = new Date(event.startsAt.getTime() + DAY);
    const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
    await db.event.update({
      where: { id: event.id },
      data: { status: "PUBLISHED", startsAt, endsAt, category: "COMEDY" },
    });
    expect(await entry(event.id)).toMatchObject({ status: "PUBLISHED", startsAt, category: "COMEDY" });
    expect(await vectorInSync(event.id)).toBe(true);
    await db.event.update({ where: { id: event.id }, data: { title: "Renamed Night", tags: ["improv"] } });
    expect(await vectorInSync(event.id)).toBe(true);
  });

  it("follows ticket types added, repriced and removed, but not sales", async () => {
    const { event } = await eventWithPrices([5_000, 7_000]);
    const [first, second] = event.ticketTypes;
    await db.ticketType.create({
      data: {
        eventId: event.id,
        name: "Cheap",
        kind: "GENERAL_ADMISSION",
        priceMinor: 1_000,
        feeMinor: 0,
        currency: "USD",
        capacity: 10,
        sortOrder: 5,
      },
    });
    expect((await entry(event.id))?.fromPriceMinor).toBe(1_000);
    await db.ticketType.deleteMany({ where: { eventId: event.id, name: "Cheap" } });
    expect((await entry(event.id))?.fromPriceMinor).toBe(5_100);
    await db.ticketType.update({ where: { id: second!.id }, data: { priceMinor: 3_000 } });
    expect((await entry(event.id))?.fromPriceMinor).toBe(3_100);
    await db.ticketType.update({ where: { id: first!.id }, data: { sold: 10 } });
    expect((await entry(event.id))?.fromPriceMinor).toBe(3_100);
    await db.ticketType.deleteMany({ where: { eventId: event.id } });
    expect((await entry(event.id))?.fromPriceMinor).toBeNull();
  });

  it("follows its venue's city and goes with the event", async () => {
    const { venue, event } = await eventWithPrices([5_000]);
    await db.venue.update({ where: { id: venue.id }, data: { city: "Genève", name: "Other Hall" } });
    expect(await entry(event.id)).toMatchObject({ city: "Genève", cityKey: "geneve" });
    expect(await vectorInSync(event.id)).toBe(true);
    await db.event.delete({ where: { id: event.id } });
    expect(await entry(event.id)).toBeNull();
  });
});
