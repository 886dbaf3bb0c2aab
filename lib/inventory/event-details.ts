import "server-only";
import type { DbOrTx } from "@/lib/db";
import { publicEvent } from "@/lib/events/queries";
import { saleState } from "@/lib/events/sale-state";
import { allInPriceMinor } from "@/lib/money";
import { remainingByTicketType } from "./availability";
import type { HoldStore } from "./hold-store";

/** A public event (published or cancelled) by id or slug, with live availability per ticket type. */
export async function eventWithAvailability(db: DbOrTx, store: HoldStore, idOrSlug: string, now = new Date()) {
  const event = await publicEvent(db, idOrSlug);
  if (!event) return null;
  const remaining = await remainingByTicketType(db, store, event.id, now);
  const ticketTypes = event.ticketTypes.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    priceMinor: t.priceMinor,
    feeMinor: t.feeMinor,
    allInPriceMinor: allInPriceMinor(t),
    currency: t.currency,
    capacity: t.capacity,
    remaining: remaining.get(t.id) ?? 0,
  }));
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
      onSale: saleState(event, now) === "on-sale",
      remaining: ticketTypes.reduce((sum, t) => sum + t.remaining, 0),
      soldOut: ticketTypes.every((t) => t.remaining === 0),
    },
  };
}
