import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { manageableOrganizationIds } from "@/lib/auth/memberships";
import type { DbOrTx } from "@/lib/db";
import { allInPriceMinor } from "@/lib/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventStatus, TicketKind } from "@/lib/generated/prisma/enums";

const eventCardSelect = {
  id: true,
  slug: true,
  title: true,
  category: true,
  status: true,
  startsAt: true,
  onSaleAt: true,
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
  /** When tickets go on sale: a card shows "On sale <date>" until then, not a price to buy at. */
  onSaleAt: Date;
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

type SaleTicketTypeRow = {
  id: string;
  name: string;
  kind: TicketKind;
  priceMinor: number;
  feeMinor: number;
  currency: string;
  capacity: number;
  sold: number;
  hidden: boolean;
  minPerOrder: number;
  maxPerOrder: number | null;
  salesStartAt: string | null;
  salesEndAt: string | null;
};

type SaleSeatRow = { id: string; ticketTypeId: string; section: string; row: string; number: string };

/**
 * What selling tickets for an event needs to know of it, or null: the event,
 * its ticket types and, when asked, the requested seats of that event (their
 * layout, not their sale state) and when a fan's holds of it that ended
 * without an order ended since a moment (released, or lapsed; the latest few,
 * oldest first: lib/inventory/abandoned-holds.ts). One round trip, since every
 * hold starts with it.
 */
export async function eventForSale(
  db: DbOrTx,
  eventId: string,
  options: { seatIds?: string[]; abandonedHolds?: { userId: string; since: Date; now: Date } } = {},
) {
  const seatIds = options.seatIds ?? [];
  const abandoned = options.abandonedHolds ?? { userId: null, since: new Date(0), now: new Date(0) };
  const [row] = await db.$queryRaw<
    {
      id: string;
      slug: string;
      status: EventStatus;
      queueEnabled: boolean;
      onSaleAt: Date;
      startsAt: Date;
      perOrderLimit: number;
      holdMinutes: number;
      ticketTypes: SaleTicketTypeRow[];
      seats: SaleSeatRow[];
      abandonedHoldsEndedAt: Date[];
    }[]
  >`
    SELECT e.id, e.slug, e.status, e."queueEnabled", e."onSaleAt", e."startsAt", e."perOrderLimit", e."holdMinutes",
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name, 'kind', t.kind,
          'priceMinor', t."priceMinor", 'feeMinor', t."feeMinor", 'currency', t.currency, 'capacity', t.capacity,
          'sold', t.sold, 'hidden', t.hidden, 'minPerOrder', t."minPerOrder", 'maxPerOrder', t."maxPerOrder",
          'salesStartAt', t."salesStartAt", 'salesEndAt', t."salesEndAt")
          ORDER BY t."sortOrder", t.id)
        FROM ticket_types t WHERE t."eventId" = e.id), '[]'::jsonb) AS "ticketTypes",
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'ticketTypeId', s."ticketTypeId",
          'section', s.section, 'row', s.row, 'number', s.number))
        FROM seats s WHERE s."eventId" = e.id AND s.id = ANY(${seatIds}::text[])), '[]'::jsonb) AS seats,
      ARRAY(SELECT ended FROM (
          SELECT least(h."updatedAt", h."expiresAt") AS ended FROM holds h
          WHERE h."eventId" = e.id AND h."userId" = ${abandoned.userId}::text
            AND (h.status IN ('RELEASED', 'EXPIRED') OR (h.status = 'ACTIVE' AND h."expiresAt" <= ${abandoned.now}::timestamp))
            AND least(h."updatedAt", h."expiresAt") > ${abandoned.since}::timestamp
            AND NOT EXISTS (SELECT 1 FROM orders o WHERE o."holdId" = h.id)
          ORDER BY ended DESC LIMIT 10
        ) recent ORDER BY ended) AS "abandonedHoldsEndedAt"
    FROM events e WHERE e.id = ${eventId}`;
  if (!row) return null;
  // jsonb carries timestamps as text without a zone; they are UTC, as every timestamp Prisma stores.
  const instant = (value: string | null) => (value === null ? null : new Date(`${value}Z`));
  return {
    ...row,
    ticketTypes: row.ticketTypes.map((t) => ({
      ...t,
      salesStartAt: instant(t.salesStartAt),
      salesEndAt: instant(t.salesEndAt),
    })),
  };
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

/** The id of a public event (by id or, with `bySlug`, by slug), or null for drafts and unknown ones. */
export async function publicEventId(
  db: DbOrTx,
  eventId: string,
  options: { bySlug?: boolean } = {},
): Promise<string | null> {
  const event = await db.event.findFirst({
    where: {
      ...(options.bySlug ? { OR: [{ id: eventId }, { slug: eventId }] } : { id: eventId }),
      status: { in: PUBLIC_STATUSES },
    },
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
