import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";

/** The cache tag of an event page: entry points that change the event (edit, cancel) revalidate it. */
export const eventPageTag = (slug: string) => `event:${slug}`;

/**
 * The slow-changing part of an event page (event, venue, ticket types, seat
 * layout), cached across requests for up to five minutes under the tag
 * `event:<slug>`, which organizer edits are to revalidate once they have a
 * page. Live availability is read per request, never from here.
 * Dates come back as ISO strings: the cache stores JSON.
 */
export function cachedEventPage(slug: string) {
  return unstable_cache(
    async () => {
      const event = await db.event.findFirst({
        where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } },
        include: {
          venue: true,
          organization: { select: { name: true } },
          ticketTypes: { orderBy: { sortOrder: "asc" } },
          seats: { select: { id: true, section: true, row: true, number: true, x: true, y: true, ticketTypeId: true } },
        },
      });
      if (!event) return null;
      return {
        ...event,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        onSaleAt: event.onSaleAt.toISOString(),
        createdAt: event.createdAt.toISOString(),
        updatedAt: event.updatedAt.toISOString(),
        cancelledAt: event.cancelledAt?.toISOString() ?? null,
        venue: {
          ...event.venue,
          createdAt: event.venue.createdAt.toISOString(),
          updatedAt: event.venue.updatedAt.toISOString(),
        },
        ticketTypes: event.ticketTypes.map((t) => ({
          ...t,
          createdAt: t.createdAt.toISOString(),
          updatedAt: t.updatedAt.toISOString(),
        })),
      };
    },
    ["event-page", slug],
    { tags: [eventPageTag(slug)], revalidate: 300 },
  )();
}

export type CachedEventPage = NonNullable<Awaited<ReturnType<typeof cachedEventPage>>>;
