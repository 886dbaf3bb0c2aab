import "server-only";
import type { DbOrTx } from "@/lib/db";
import { saleState } from "./sale-state";
import { expandSavedLayout } from "./seat-copy";

// Reads for the organizer's event pages. Authorization happens in the page
// (requireOrganizationPage); these only ever look inside the organization they are given.

/** Where an event stands, as an organizer's list shows it. */
export type EventListState = "draft" | "scheduled" | "on-sale" | "sold-out" | "happening" | "past" | "cancelled";

export function eventListState(
  event: { status: string; onSaleAt: Date; startsAt: Date; endsAt: Date },
  tickets: { sold: number; capacity: number },
  now: Date,
): EventListState {
  const state = saleState(event, now);
  if (state === "draft" || state === "cancelled") return state;
  if (state === "started") return now < event.endsAt ? "happening" : "past";
  if (tickets.capacity > 0 && tickets.sold >= tickets.capacity) return "sold-out";
  return state === "not-yet-on-sale" ? "scheduled" : "on-sale";
}

/** An organization's events (300 upcoming, then 100 past), with tickets sold against capacity (hidden types left out). */
export async function organizationEvents(db: DbOrTx, options: { organizationId: string; now: Date }) {
  const select = {
    id: true,
    slug: true,
    title: true,
    status: true,
    startsAt: true,
    endsAt: true,
    onSaleAt: true,
    venue: { select: { name: true, city: true, timeZone: true } },
    ticketTypes: { where: { hidden: false }, select: { sold: true, capacity: true } },
  } as const;
  const { organizationId, now } = options;
  // Upcoming events first, soonest at the top; then the most recent past ones.
  const upcoming = await db.event.findMany({
    where: { organizationId, endsAt: { gte: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 300,
    select,
  });
  const past = await db.event.findMany({
    where: { organizationId, endsAt: { lt: now } },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: 100,
    select,
  });
  return [...upcoming, ...past].map(({ ticketTypes, ...event }) => {
    const tickets = {
      sold: ticketTypes.reduce((sum, t) => sum + t.sold, 0),
      capacity: ticketTypes.reduce((sum, t) => sum + t.capacity, 0),
    };
    return { ...event, tickets, state: eventListState(event, tickets, now) };
  });
}

/** Whether `eventId` is an event of `organizationId` (pages answer 404 otherwise). */
export async function isOrganizationEvent(db: DbOrTx, options: { organizationId: string; eventId: string }) {
  const count = await db.event.count({ where: { id: options.eventId, organizationId: options.organizationId } });
  return count === 1;
}

/** The organization's venues with their layout versions (newest first) and each version's zones. */
export async function venuesForNewEvent(db: DbOrTx, organizationId: string) {
  const venues = await db.venue.findMany({
    where: { organizationId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      city: true,
      timeZone: true,
      layouts: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, name: true, seatCount: true, standingCapacity: true, document: true },
      },
    },
  });
  return venues.map((venue) => ({
    ...venue,
    layouts: venue.layouts.map(({ document, ...layout }) => ({
      ...layout,
      zones: expandSavedLayout({ id: layout.id, version: layout.version, document }).zones,
    })),
  }));
}

export type VenueChoice = Awaited<ReturnType<typeof venuesForNewEvent>>[number];
