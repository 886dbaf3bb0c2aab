import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { db } from "@/lib/db";

/** The cache tag of an event page: entry points that change the event (edit, cancel) revalidate it. */
export const eventPageTag = (slug: string) => `event:${slug}`;

/**
 * The slow-changing part of an event page (event, venue, ticket types, seat
 * layout), cached across requests for up to five minutes under the tag
 * `event:<slug>`, which every organizer change expires (`expireEventPage`).
 * Hidden ticket types (and the seats they price) are not shown. Live
 * availability is read per request, never from here.
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
          ticketTypes: { where: { hidden: false }, orderBy: { sortOrder: "asc" } },
          seats: {
            where: { ticketType: { hidden: false } },
            select: { id: true, section: true, row: true, number: true, x: true, y: true, ticketTypeId: true },
          },
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

/**
 * Expires an event page's cached data after a change has committed, so the next visitor
 * sees it (`expire: 0`, not the stale-while-revalidate "max" profile: an organizer who
 * fixes a price expects the page to show it now). Outside a Next.js request (tests,
 * scripts, the worker) there is no cache to expire and nothing happens.
 */
export function expireEventPage(slug: string) {
  try {
    revalidateTag(eventPageTag(slug), { expire: 0 });
  } catch (error) {
    if (error instanceof Error && error.message.includes("static generation store missing")) return;
    throw error;
  }
}
