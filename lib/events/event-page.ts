import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { allInPriceMinor } from "@/lib/money";

/** The cache tag of an event page: entry points that change the event (edit, cancel) revalidate it. */
export const eventPageTag = (slug: string) => `event:${slug}`;

/**
 * The slow-changing, display-only part of an event page (title, times, venue, prices,
 * description), cached across requests for up to a minute under the tag
 * `event:<slug>`, which every organizer change expires (`expireEventPage`).
 *
 * It carries **no database ids** (no event, ticket type or seat id): the entry is keyed by
 * the slug, and a cache can outlive its database (a restore, a reseed, two deployments
 * sharing `.next/cache`). Everything joined on ids — the event id, tiers with what is left,
 * the seat map, sale state — is read live by the page's ticket panel
 * (`GET /api/v1/events/{slug}/availability`, `lib/inventory/ticket-panel.ts`).
 * Hidden ticket types are not shown. Dates come back as ISO strings: the cache stores JSON.
 */
export function cachedEventShell(slug: string) {
  return unstable_cache(
    async () => {
      const event = await db.event.findFirst({
        where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } },
        select: {
          slug: true,
          title: true,
          description: true,
          performers: true,
          category: true,
          status: true,
          startsAt: true,
          endsAt: true,
          onSaleAt: true,
          holdMinutes: true,
          queueEnabled: true,
          imagePath: true,
          venue: {
            select: {
              name: true,
              address: true,
              city: true,
              region: true,
              postalCode: true,
              country: true,
              timeZone: true,
              latitude: true,
              longitude: true,
            },
          },
          organization: { select: { name: true } },
          ticketTypes: {
            where: { hidden: false },
            orderBy: { sortOrder: "asc" },
            select: { name: true, kind: true, priceMinor: true, feeMinor: true, currency: true },
          },
        },
      });
      if (!event) return null;
      return {
        ...event,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        onSaleAt: event.onSaleAt.toISOString(),
        ticketTypes: event.ticketTypes.map((t) => ({
          name: t.name,
          kind: t.kind,
          allInPriceMinor: allInPriceMinor(t),
          currency: t.currency,
        })),
      };
    },
    ["event-shell", slug],
    { tags: [eventPageTag(slug)], revalidate: 60 },
  )();
}

export type EventShell = NonNullable<Awaited<ReturnType<typeof cachedEventShell>>>;

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
