import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { allInPriceMinor } from "@/lib/money";
import { utcToVenueLocal } from "@/lib/zoned-time";
import { eventImageUrls } from "./image-urls";

// The organizer's view of one event: everything the edit page and the organizer API show,
// with times both as instants and as the venue's wall clock.

export async function authoredEvent(db: DbOrTx, eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: {
      venue: { select: { id: true, name: true, city: true, timeZone: true } },
      layout: { select: { id: true, version: true, name: true } },
      ticketTypes: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] },
      _count: { select: { seats: true } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  const tz = event.venue.timeZone;
  const local = (date: Date | null) => (date ? utcToVenueLocal(date, tz) : null);
  return {
    id: event.id,
    slug: event.slug,
    organizationId: event.organizationId,
    status: event.status,
    title: event.title,
    description: event.description,
    performers: event.performers,
    category: event.category,
    tags: event.tags,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    onSaleAt: event.onSaleAt,
    /** The same times on the venue's clock ("YYYY-MM-DDTHH:mm"), as forms show them. */
    local: { startsAt: local(event.startsAt)!, endsAt: local(event.endsAt)!, onSaleAt: local(event.onSaleAt)! },
    timeZone: tz,
    perOrderLimit: event.perOrderLimit,
    holdMinutes: event.holdMinutes,
    queueEnabled: event.queueEnabled,
    cancelledAt: event.cancelledAt,
    imagePath: event.imagePath,
    image: event.imagePath ? eventImageUrls(event.imagePath) : null,
    venue: event.venue,
    layout: event.layout,
    seatCount: event._count.seats,
    ticketTypes: event.ticketTypes.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      zone: t.zone,
      priceMinor: t.priceMinor,
      feeMinor: t.feeMinor,
      allInPriceMinor: allInPriceMinor(t),
      currency: t.currency,
      capacity: t.capacity,
      sold: t.sold,
      held: t.held,
      salesStartAt: t.salesStartAt,
      salesEndAt: t.salesEndAt,
      local: { salesStartAt: local(t.salesStartAt), salesEndAt: local(t.salesEndAt) },
      minPerOrder: t.minPerOrder,
      maxPerOrder: t.maxPerOrder,
      hidden: t.hidden,
      sortOrder: t.sortOrder,
    })),
  };
}

export type AuthoredEvent = Awaited<ReturnType<typeof authoredEvent>>;
