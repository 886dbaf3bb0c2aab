import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicEventId } from "@/lib/events/queries";
import type { TicketKind } from "@/lib/generated/prisma/enums";
import { allInPriceMinor, type Priced } from "@/lib/money";
import type { HoldStore } from "./hold-store";

export type LiveSeatStatus = "AVAILABLE" | "HELD" | "SOLD";

/** Seats that cannot be bought right now, by id: sold (or blocked) and held. */
export async function unavailableSeats(db: DbOrTx, store: HoldStore, eventId: string, now = new Date()) {
  const [notForSale, held] = await Promise.all([
    db.seat.findMany({ where: { eventId, status: { not: "AVAILABLE" } }, select: { id: true } }),
    store.heldSeatIds(db, eventId, now),
  ]);
  const unavailable: Record<string, Exclude<LiveSeatStatus, "AVAILABLE">> = {};
  for (const id of held) unavailable[id] = "HELD";
  for (const { id } of notForSale) unavailable[id] = "SOLD";
  return unavailable;
}

/** The full seat map with live status; layouts are static, so callers may cache all but the status. */
export async function seatMap(db: DbOrTx, store: HoldStore, eventId: string, now = new Date()) {
  const [seats, unavailable] = await Promise.all([
    db.seat.findMany({
      where: { eventId },
      select: { id: true, section: true, row: true, number: true, x: true, y: true, ticketTypeId: true },
      orderBy: [{ section: "asc" }, { row: "asc" }, { id: "asc" }],
    }),
    unavailableSeats(db, store, eventId, now),
  ]);
  return seats.map((seat) => ({ ...seat, status: (unavailable[seat.id] ?? "AVAILABLE") as LiveSeatStatus }));
}

/** Tickets left per ticket type: capacity minus sold minus live holds. */
export async function remainingByTicketType(db: DbOrTx, store: HoldStore, eventId: string, now = new Date()) {
  const [types, heldGa, freeSeats] = await Promise.all([
    db.ticketType.findMany({ where: { eventId }, select: { id: true, kind: true, capacity: true, sold: true } }),
    store.heldQuantities(db, eventId, now),
    db.seat.groupBy({ by: ["ticketTypeId"], where: { eventId, status: "AVAILABLE" }, _count: { _all: true } }),
  ]);
  const heldSeats = new Set(await store.heldSeatIds(db, eventId, now));
  const heldSeatsByType = heldSeats.size
    ? await db.seat.groupBy({ by: ["ticketTypeId"], where: { id: { in: [...heldSeats] } }, _count: { _all: true } })
    : [];
  const remaining = new Map<string, number>();
  for (const type of types) {
    if (type.kind === "GENERAL_ADMISSION") {
      remaining.set(type.id, Math.max(0, type.capacity - type.sold - (heldGa.get(type.id) ?? 0)));
    } else {
      const free = freeSeats.find((u) => u.ticketTypeId === type.id)?._count._all ?? 0;
      const held = heldSeatsByType.find((h) => h.ticketTypeId === type.id)?._count._all ?? 0;
      remaining.set(type.id, Math.max(0, free - held));
    }
  }
  return remaining;
}

/**
 * The seat map of a public event with live status, or with `statusOnly` just
 * the seats that cannot be bought (a few bytes while little is held).
 */
export async function liveSeats(
  deps: { db: DbOrTx; holds: HoldStore; clock: () => Date },
  options: { eventId: string; statusOnly: boolean },
) {
  const eventId = await publicEventId(deps.db, options.eventId);
  if (!eventId) throw new AppError("NOT_FOUND", "No such event.");
  const now = deps.clock();
  return options.statusOnly
    ? { eventId, unavailable: await unavailableSeats(deps.db, deps.holds, eventId, now) }
    : { eventId, seats: await seatMap(deps.db, deps.holds, eventId, now) };
}

/** What an event page shows live next to its cached layout: tickets left per type and the seats taken. */
export async function eventPageAvailability(
  deps: { db: DbOrTx; holds: HoldStore },
  options: { eventId: string; reserved: boolean; now: Date },
) {
  const [remaining, unavailable] = await Promise.all([
    remainingByTicketType(deps.db, deps.holds, options.eventId, options.now),
    options.reserved
      ? unavailableSeats(deps.db, deps.holds, options.eventId, options.now)
      : Promise.resolve<Record<string, Exclude<LiveSeatStatus, "AVAILABLE">>>({}),
  ]);
  return { remaining, unavailable };
}

export type SeatMapEntry = Awaited<ReturnType<typeof seatMap>>[number];

/** A ticket type as the pickers show it: all-in price and what is left. */
export type TicketTier = {
  id: string;
  name: string;
  kind: TicketKind;
  allInPriceMinor: number;
  currency: string;
  remaining: number;
};

export function ticketTiers(
  ticketTypes: (Priced & { id: string; name: string; kind: TicketKind; currency: string })[],
  remaining: Map<string, number>,
): TicketTier[] {
  return ticketTypes.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    allInPriceMinor: allInPriceMinor(t),
    currency: t.currency,
    remaining: remaining.get(t.id) ?? 0,
  }));
}
