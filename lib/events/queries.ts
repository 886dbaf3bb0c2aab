import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { manageableOrganizationIds } from "@/lib/auth/memberships";
import type { DbOrTx } from "@/lib/db";
import { allInPriceMinor } from "@/lib/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventStatus } from "@/lib/generated/prisma/enums";

const eventCardSelect = {
  id: true,
  slug: true,
  title: true,
  category: true,
  status: true,
  startsAt: true,
  performers: true,
  venue: { select: { name: true, city: true, timeZone: true } },
  ticketTypes: { select: { priceMinor: true, feeMinor: true, currency: true } },
} as const;

export type EventCardData = {
  id: string;
  slug: string;
  title: string;
  category: string;
  status: EventStatus;
  startsAt: Date;
  performers: string[];
  venue: { name: string; city: string; timeZone: string };
  /** The lowest all-in price (price + fees), in minor units, or null without ticket types. */
  fromPrice: { amountMinor: number; currency: string } | null;
};

type EventCardRow = Prisma.EventGetPayload<{ select: typeof eventCardSelect }>;

function toCard({ ticketTypes, ...event }: EventCardRow): EventCardData {
  const cheapest = ticketTypes.reduce<(typeof ticketTypes)[number] | null>(
    (min, t) => (min === null || allInPriceMinor(t) < allInPriceMinor(min) ? t : min),
    null,
  );
  return { ...event, fromPrice: cheapest && { amountMinor: allInPriceMinor(cheapest), currency: cheapest.currency } };
}

export async function listUpcomingEvents(db: DbOrTx, options: { limit: number; now?: Date }): Promise<EventCardData[]> {
  const rows = await db.event.findMany({
    where: { status: "PUBLISHED", startsAt: { gte: options.now ?? new Date() } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: options.limit,
    select: eventCardSelect,
  });
  return rows.map(toCard);
}

/**
 * The events an organizer may manage (an admin: every organization's), newest
 * first, drafts included; `scope` says which of the two it was.
 */
export async function eventsManagedBy(db: DbOrTx, options: { actor: Actor; limit: number }) {
  const organizationIds = await manageableOrganizationIds(db, options.actor);
  const rows = await db.event.findMany({
    where: organizationIds === "all" ? {} : { organizationId: { in: organizationIds } },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: options.limit,
    select: eventCardSelect,
  });
  return { scope: organizationIds === "all" ? ("all" as const) : ("own" as const), events: rows.map(toCard) };
}

/** What selling tickets for an event needs to know of it, or null. */
export function eventForSale(db: DbOrTx, eventId: string) {
  return db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      status: true,
      onSaleAt: true,
      startsAt: true,
      perOrderLimit: true,
      holdMinutes: true,
      ticketTypes: {
        select: {
          id: true,
          name: true,
          kind: true,
          priceMinor: true,
          feeMinor: true,
          currency: true,
          capacity: true,
          sold: true,
          hidden: true,
          salesStartAt: true,
          salesEndAt: true,
        },
      },
    },
  });
}

export type EventForSale = NonNullable<Awaited<ReturnType<typeof eventForSale>>>;

/** Published and cancelled events are public; drafts are not, to anyone outside the organization. */
const PUBLIC_STATUSES: EventStatus[] = ["PUBLISHED", "CANCELLED"];

/** A public event by id or slug with its venue, organization and visible ticket types, or null. */
export function publicEvent(db: DbOrTx, idOrSlug: string) {
  return db.event.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }], status: { in: PUBLIC_STATUSES } },
    include: {
      venue: true,
      organization: { select: { id: true, name: true } },
      // Hidden types (not for public sale) stay out of public reads.
      ticketTypes: { where: { hidden: false }, orderBy: { sortOrder: "asc" } },
    },
  });
}

/** The id of a public event, or null for drafts and unknown ids. */
export async function publicEventId(db: DbOrTx, eventId: string): Promise<string | null> {
  const event = await db.event.findFirst({
    where: { id: eventId, status: { in: PUBLIC_STATUSES } },
    select: { id: true },
  });
  return event?.id ?? null;
}

/** An event's title, date and venue, for pages about something bought for it. */
export function eventSummary(db: DbOrTx, eventId: string) {
  return db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { title: true, slug: true, startsAt: true, venue: { select: { name: true, city: true, timeZone: true } } },
  });
}
