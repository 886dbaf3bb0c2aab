import "server-only";
import type { DbOrTx } from "@/lib/db";
import { keysetQuery, type PageRequest } from "@/lib/keyset";
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

/** Which of an organization's events a list shows: those not over yet (soonest first), or past ones (latest first). */
export type EventListPeriod = "upcoming" | "past";

/**
 * A page of an organization's events in `period`, with tickets sold against capacity (hidden types
 * left out), keyset-paginated on (startsAt, id) so an organization with thousands of events pages
 * through all of them. Check-in staff's lists leave drafts out (`withDrafts: false`).
 */
export async function organizationEvents(
  db: DbOrTx,
  options: { organizationId: string; now: Date; period: EventListPeriod; page: PageRequest; withDrafts?: boolean },
) {
  const { organizationId, now, period } = options;
  const keyset = keysetQuery("startsAt", period === "upcoming" ? "asc" : "desc", options.page);
  const rows = await db.event.findMany({
    where: {
      organizationId,
      endsAt: period === "upcoming" ? { gte: now } : { lt: now },
      ...(options.withDrafts === false ? { status: { not: "DRAFT" } } : {}),
      ...keyset.where,
    },
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      onSaleAt: true,
      venue: { select: { name: true, city: true, timeZone: true } },
      ticketTypes: { where: { hidden: false }, select: { sold: true, capacity: true } },
    },
  });
  const { items, older, newer } = keyset.finish(rows);
  const events = items.map(({ ticketTypes, ...event }) => {
    const tickets = {
      sold: ticketTypes.reduce((sum, t) => sum + t.sold, 0),
      capacity: ticketTypes.reduce((sum, t) => sum + t.capacity, 0),
    };
    return { ...event, tickets, state: eventListState(event, tickets, now) };
  });
  return { events, older, newer };
}

/** How many events an organization has in each period, for the list's tabs. */
export async function organizationEventCounts(db: DbOrTx, options: { organizationId: string; now: Date }) {
  const [upcoming, past] = await Promise.all([
    db.event.count({ where: { organizationId: options.organizationId, endsAt: { gte: options.now } } }),
    db.event.count({ where: { organizationId: options.organizationId, endsAt: { lt: options.now } } }),
  ]);
  return { upcoming, past };
}

/**
 * The overview's summary over every event not over yet, however many there are: published ones
 * (on sale or scheduled), drafts, and tickets sold against capacity of the published ones.
 */
export async function upcomingEventTotals(db: DbOrTx, options: { organizationId: string; now: Date }) {
  const upcoming = { organizationId: options.organizationId, endsAt: { gte: options.now } };
  const [live, drafts, tickets] = await Promise.all([
    db.event.count({ where: { ...upcoming, status: "PUBLISHED" } }),
    db.event.count({ where: { ...upcoming, status: "DRAFT" } }),
    db.ticketType.aggregate({
      where: { hidden: false, event: { ...upcoming, status: "PUBLISHED" } },
      _sum: { sold: true, capacity: true },
    }),
  ]);
  return { live, drafts, sold: tickets._sum.sold ?? 0, capacity: tickets._sum.capacity ?? 0 };
}

export type OrganizationEventRow = Awaited<ReturnType<typeof organizationEvents>>["events"][number];

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
