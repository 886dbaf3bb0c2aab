import "server-only";
import type { DbOrTx } from "@/lib/db";
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
    (min, t) => (min === null || t.priceMinor + t.feeMinor < min.priceMinor + min.feeMinor ? t : min),
    null,
  );
  return {
    ...event,
    fromPrice: cheapest && { amountMinor: cheapest.priceMinor + cheapest.feeMinor, currency: cheapest.currency },
  };
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

/** Events of the given organizations (or every organization), newest first, drafts included. */
export async function listOrganizerEvents(
  db: DbOrTx,
  options: { organizationIds: string[] | "all"; limit: number },
): Promise<EventCardData[]> {
  const rows = await db.event.findMany({
    where: options.organizationIds === "all" ? {} : { organizationId: { in: options.organizationIds } },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: options.limit,
    select: eventCardSelect,
  });
  return rows.map(toCard);
}
