import "server-only";
import { revalidatePath } from "next/cache";
import { cache } from "react";
import { db } from "@/lib/db";
import { allInPriceMinor } from "@/lib/money";
import { venuePlaceSelect } from "./venues";

/** The path of an event's public page, whose full-route cache entry every organizer change expires. */
export const eventPagePath = (slug: string) => `/events/${slug}`;

/**
 * The slow-changing, display-only part of an event page (title, times, venue, prices,
 * description). The page is served from the full-route cache and rendered again only
 * when an organizer's change expires it (`expireEventPage`) or after a minute, so this
 * reads the database directly: a second, data-level cache would be one more copy to
 * expire, and a render that met a stale one cached the old page again (an organizer's
 * edit showed only after a reload). `cache` shares one read between the metadata and
 * the page of a render.
 *
 * It carries **no database ids** (no event, ticket type or seat id): the page is keyed by
 * the slug, and a cache can outlive its database (a restore, a reseed, two deployments
 * sharing `.next/cache`). Everything joined on ids — the event id, tiers with what is left,
 * the seat map, sale state — is read live by the page's ticket panel
 * (`GET /api/v1/events/{slug}/availability`, `lib/inventory/ticket-panel.ts`).
 * Hidden ticket types are not shown.
 */
export const eventShell = cache(async (slug: string) => {
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
      venue: { select: venuePlaceSelect },
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
});

export type EventShell = NonNullable<Awaited<ReturnType<typeof eventShell>>>;

/**
 * Expires an event page's full-route cache entry after a change has committed, so the
 * next visitor gets a fresh render (immediate expiry, not stale-while-revalidate: an
 * organizer who fixes a price expects the page to show it now). Outside a Next.js request (tests,
 * scripts, the worker) there is no cache to expire and nothing happens.
 */
export function expireEventPage(slug: string) {
  try {
    revalidatePath(eventPagePath(slug));
  } catch (error) {
    if (error instanceof Error && error.message.includes("static generation store missing")) return;
    throw error;
  }
}
