import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicEvent } from "@/lib/events/queries";
import { saleState } from "@/lib/events/sale-state";
import { seatGeometryFile, seatGeometryPath } from "@/lib/events/seat-geometry";
import { remainingByTicketType, ticketTiers, unavailableSeats } from "./availability";
import type { HoldStore } from "./hold-store";

/**
 * What the event page's ticket panel needs live, by event id or slug: the event's id (the
 * page's cached shell carries none), whether it is on sale now (by the server's clock), the
 * ticket tiers with what is left, and for a seat map the URL of its immutable geometry plus
 * the seats that cannot be bought right now. Never cached: everything here is joined on ids
 * or changes with time.
 */
export async function ticketPanel(deps: { db: DbOrTx; holds: HoldStore; clock: () => Date }, idOrSlug: string) {
  const event = await publicEvent(deps.db, idOrSlug);
  if (!event) throw new AppError("NOT_FOUND", "No such event.");
  const now = deps.clock();
  const reserved = event.ticketTypes.some((t) => t.kind === "RESERVED");
  const [remaining, geometry, unavailable] = await Promise.all([
    remainingByTicketType(deps.db, deps.holds, event.id, now),
    reserved ? seatGeometryFile(deps.db, event.id) : null,
    reserved ? unavailableSeats(deps.db, deps.holds, event.id, now) : null,
  ]);
  const tiers = ticketTiers(event.ticketTypes, remaining);
  return {
    eventId: event.id,
    slug: event.slug,
    saleState: saleState(event, now),
    now: now.toISOString(),
    onSaleAt: event.onSaleAt.toISOString(),
    startsAt: event.startsAt.toISOString(),
    perOrderLimit: event.perOrderLimit,
    holdMinutes: event.holdMinutes,
    tiers,
    remaining: tiers.reduce((sum, tier) => sum + tier.remaining, 0),
    seatMap: geometry ? { url: seatGeometryPath(geometry.eventId, geometry.version), seats: geometry.seats } : null,
    unavailable,
  };
}

export type TicketPanelData = Awaited<ReturnType<typeof ticketPanel>>;
