import "server-only";
import type { DbOrTx } from "@/lib/db";
import { remainingByTicketType } from "@/lib/inventory/availability";
import type { HoldStore } from "@/lib/inventory/hold-store";

/** A public event (published or cancelled) by id or slug, with live availability per ticket type. */
export async function eventDetails(db: DbOrTx, store: HoldStore, idOrSlug: string, now = new Date()) {
  const event = await db.event.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }], status: { in: ["PUBLISHED", "CANCELLED"] } },
    include: {
      venue: true,
      organization: { select: { id: true, name: true } },
      ticketTypes: { orderBy: { sortOrder: "asc" } },
    },
  });
  if (!event) return null;
  const remaining = await remainingByTicketType(db, store, event.id, now);
  const ticketTypes = event.ticketTypes.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    priceMinor: t.priceMinor,
    feeMinor: t.feeMinor,
    allInPriceMinor: t.priceMinor + t.feeMinor,
    currency: t.currency,
    capacity: t.capacity,
    remaining: remaining.get(t.id) ?? 0,
  }));
  const onSale = event.status === "PUBLISHED" && event.onSaleAt <= now && event.startsAt > now;
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    description: event.description,
    performers: event.performers,
    category: event.category,
    tags: event.tags,
    status: event.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    onSaleAt: event.onSaleAt,
    perOrderLimit: event.perOrderLimit,
    holdMinutes: event.holdMinutes,
    seating: ticketTypes.some((t) => t.kind === "RESERVED") ? ("RESERVED" as const) : ("GENERAL_ADMISSION" as const),
    organization: event.organization,
    venue: {
      id: event.venue.id,
      name: event.venue.name,
      address: event.venue.address,
      city: event.venue.city,
      region: event.venue.region,
      postalCode: event.venue.postalCode,
      country: event.venue.country,
      timeZone: event.venue.timeZone,
      latitude: event.venue.latitude,
      longitude: event.venue.longitude,
    },
    ticketTypes,
    availability: {
      onSale,
      remaining: ticketTypes.reduce((sum, t) => sum + t.remaining, 0),
      soldOut: ticketTypes.every((t) => t.remaining === 0),
    },
  };
}
