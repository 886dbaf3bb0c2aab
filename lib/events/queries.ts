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

/**
 * Published upcoming events matching a plain substring, newest-first paging.
 * The simple catalogue browser; ranked, typo-tolerant search lives in lib/search.
 */
export async function browseEvents(
  db: DbOrTx,
  options: { q?: string; page: number; pageSize: number; now?: Date },
): Promise<{ items: EventCardData[]; total: number }> {
  const text = options.q?.trim();
  const where = {
    status: "PUBLISHED" as const,
    startsAt: { gte: options.now ?? new Date() },
    ...(text
      ? {
          OR: [
            { title: { contains: text, mode: "insensitive" as const } },
            { venue: { name: { contains: text, mode: "insensitive" as const } } },
            { venue: { city: { contains: text, mode: "insensitive" as const } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: eventCardSelect,
    }),
    db.event.count({ where }),
  ]);
  return { items: rows.map(toCard), total };
}

/** A published or cancelled event with its venue and ticket types; drafts stay private. */
export function findPublicEventBySlug(db: DbOrTx, slug: string) {
  return db.event.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } },
    include: {
      venue: true,
      organization: { select: { name: true } },
      ticketTypes: { orderBy: { sortOrder: "asc" } },
    },
  });
}
