import "server-only";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { eventForSale, type EventForSale } from "@/lib/events/queries";
import { saleState } from "@/lib/events/sale-state";
import { allInPriceMinor } from "@/lib/money";
import { bestAvailableBlock, stageOf } from "./best-available";
import type { HoldContents, HoldStore } from "./hold-store";
import type { HoldRequestInput } from "./schemas";

/**
 * Counts the tickets a fan already has for an event (live holds, open orders,
 * issued tickets) inside the hold's transaction. The booking side (lib/orders)
 * knows what counts; inventory only enforces the limit with it.
 */
export type TakenCounter = (tx: Tx, options: { eventId: string; userId: string; now: Date }) => Promise<number>;

export type InventoryDeps = { db: Db; holds: HoldStore; clock: () => Date };

function assertOnSale(event: { status: string; onSaleAt: Date; startsAt: Date } | null, now: Date) {
  const state = event ? saleState(event, now) : "draft";
  if (state === "draft") throw new AppError("NOT_FOUND", "No such event.");
  if (state === "cancelled") throw new AppError("EVENT_NOT_ON_SALE", "This event has been cancelled.");
  if (state === "not-yet-on-sale") {
    throw new AppError("EVENT_NOT_ON_SALE", "Tickets are not on sale yet.", {
      onSaleAt: event!.onSaleAt.toISOString(),
    });
  }
  if (state === "started") throw new AppError("EVENT_NOT_ON_SALE", "This event has already started.");
}

/**
 * Serialises everything that counts toward one fan's limit for one event: two
 * tabs holding at once, or a late payment settling while the fan holds more.
 */
export async function lockFanForEvent(tx: Tx, options: { eventId: string; userId: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${options.eventId}), hashtext(${options.userId}))`;
}

/** Tickets a fan holds for an event in live holds. */
export async function liveHeldQuantity(tx: Tx, options: { eventId: string; userId: string; now: Date }) {
  const held = await tx.holdItem.aggregate({
    _sum: { quantity: true },
    where: {
      hold: { eventId: options.eventId, userId: options.userId, status: "ACTIVE", expiresAt: { gt: options.now } },
    },
  });
  return held._sum.quantity ?? 0;
}

async function capacitiesOf(db: DbOrTx, contents: HoldContents) {
  if (contents.generalAdmission.length === 0) return new Map<string, { capacity: number; sold: number }>();
  const types = await db.ticketType.findMany({
    where: { id: { in: contents.generalAdmission.map((g) => g.ticketTypeId) } },
    select: { id: true, capacity: true, sold: true },
  });
  return new Map(types.map((t) => [t.id, { capacity: t.capacity, sold: t.sold }]));
}

async function resolveSeats(db: DbOrTx, event: EventForSale, seatIds: string[]) {
  const seats = await db.seat.findMany({
    where: { eventId: event.id, id: { in: seatIds } },
    select: { id: true, ticketTypeId: true },
  });
  if (seats.length !== seatIds.length) {
    const known = new Set(seats.map((s) => s.id));
    throw new AppError("VALIDATION_FAILED", "Some seats do not belong to this event.", {
      unknownSeatIds: seatIds.filter((id) => !known.has(id)),
    });
  }
  return seats.map((s) => ({ seatId: s.id, ticketTypeId: s.ticketTypeId }));
}

async function pickBestSeats(
  deps: InventoryDeps,
  event: EventForSale,
  ticketTypeId: string,
  quantity: number,
  now: Date,
) {
  const [layout, held] = await Promise.all([
    deps.db.seat.findMany({
      where: { eventId: event.id, ticketTypeId },
      select: { id: true, section: true, row: true, number: true, x: true, y: true, status: true },
    }),
    deps.holds.heldSeatIds(deps.db, event.id, now),
  ]);
  const heldIds = new Set(held);
  const free = layout.filter((s) => s.status === "AVAILABLE" && !heldIds.has(s.id));
  const block = layout.length ? bestAvailableBlock(free, quantity, stageOf(layout)) : null;
  if (!block) {
    throw new AppError("SEAT_UNAVAILABLE", `There are no ${quantity} seats together left at this price.`, {
      unavailableSeatIds: [],
      unavailableTicketTypeIds: [ticketTypeId],
    });
  }
  return block.map((s) => ({ seatId: s.id, ticketTypeId }));
}

async function resolveRequest(deps: InventoryDeps, event: EventForSale, input: HoldRequestInput, now: Date) {
  if ("seatIds" in input) return { seats: await resolveSeats(deps.db, event, input.seatIds), generalAdmission: [] };
  const type = event.ticketTypes.find((t) => t.id === input.ticketTypeId);
  if (!type) throw new AppError("VALIDATION_FAILED", "That ticket type does not belong to this event.");
  return type.kind === "GENERAL_ADMISSION"
    ? { seats: [], generalAdmission: [{ ticketTypeId: type.id, quantity: input.quantity }] }
    : { seats: await pickBestSeats(deps, event, type.id, input.quantity, now), generalAdmission: [] };
}

/**
 * Holds seats or GA tickets for a fan: all of them or none. Enforces that the
 * event is on sale and the per-fan limit across the fan's live holds and
 * issued tickets (under an advisory lock per fan and event, so two tabs
 * cannot both squeeze under the limit). "Best available" requests retry with
 * a fresh pick when another buyer wins the block first.
 */
export async function createHold(
  deps: InventoryDeps & { countTaken: TakenCounter },
  options: { userId: string; eventId: string; input: HoldRequestInput },
) {
  const now = deps.clock();
  const event = await eventForSale(deps.db, options.eventId);
  assertOnSale(event, now);
  const bestAvailable = !("seatIds" in options.input);

  for (let attempt = 1; ; attempt++) {
    try {
      return await holdOnce(deps, event!, options, now);
    } catch (error) {
      const retry = bestAvailable && attempt < 3 && error instanceof AppError && error.code === "SEAT_UNAVAILABLE";
      if (!retry) throw error;
    }
  }
}

async function holdOnce(
  deps: InventoryDeps & { countTaken: TakenCounter },
  event: EventForSale,
  options: { userId: string; input: HoldRequestInput },
  now: Date,
) {
  const { seats, generalAdmission } = await resolveRequest(deps, event, options.input, now);
  const quantity = seats.length + generalAdmission.reduce((sum, g) => sum + g.quantity, 0);
  if (quantity > event.perOrderLimit) {
    throw new AppError("LIMIT_EXCEEDED", `You can buy at most ${event.perOrderLimit} tickets for this event.`, {
      perOrderLimit: event.perOrderLimit,
    });
  }
  const expiresAt = new Date(now.getTime() + event.holdMinutes * 60_000);
  let attempted: HoldContents | null = null;
  try {
    const hold = await deps.db.$transaction(
      async (tx) => {
        await lockFanForEvent(tx, { eventId: event.id, userId: options.userId });
        const already = await deps.countTaken(tx, { eventId: event.id, userId: options.userId, now });
        if (already + quantity > event.perOrderLimit) {
          throw new AppError(
            "LIMIT_EXCEEDED",
            `You can buy at most ${event.perOrderLimit} tickets for this event; you already have ${already}.`,
            { perOrderLimit: event.perOrderLimit, alreadyTaken: already },
          );
        }
        const created = await tx.hold.create({
          data: { eventId: event.id, userId: options.userId, expiresAt },
          select: { id: true },
        });
        await tx.holdItem.createMany({
          data: [
            ...seats.map((s) => ({ holdId: created.id, ticketTypeId: s.ticketTypeId, seatId: s.seatId, quantity: 1 })),
            ...generalAdmission.map((g) => ({
              holdId: created.id,
              ticketTypeId: g.ticketTypeId,
              quantity: g.quantity,
            })),
          ],
        });
        const contents: HoldContents = { holdId: created.id, eventId: event.id, seats, generalAdmission };
        const capacities = await capacitiesOf(tx, contents);
        // Set before the call: a store that fails (Redis timing out) may still have taken the seats.
        attempted = contents;
        await deps.holds.acquire(tx, { ...contents, expiresAt, now, capacities });
        await assertSeatsStillForSale(tx, contents);
        return created;
      },
      { maxWait: 5_000, timeout: 10_000 },
    );
    return describeHold(deps.db, hold.id);
  } catch (error) {
    // A Redis hold is not undone by the database rollback, so what it may hold is given back. That includes
    // an acquire that failed with SERVICE_UNAVAILABLE: Redis may have run the script and only the answer
    // been lost (or a stopped server may run it when it resumes). Release drops only what this hold id owns,
    // so it is harmless when nothing was taken. When Redis cannot be reached for the release either, the
    // entries are still bounded: conflicts are decided by the seat index's score, which is this hold's
    // expiresAt (now + holdMinutes), and every key carries a PX TTL of the same length. A hold whose
    // PostgreSQL row was rolled back can therefore block its seats for at most holdMinutes, never forever.
    if (attempted && deps.holds.kind !== "postgres")
      await deps.holds.release(deps.db, attempted).catch(() => undefined);
    throw error;
  }
}

/**
 * A Redis store knows who holds a seat, not whether it was sold: a sale drops
 * its Redis entries after it commits. Checked after taking the hold, so a
 * seat whose sale commits later is still ours in Redis and cannot be sold.
 */
async function assertSeatsStillForSale(tx: Tx, contents: HoldContents) {
  if (contents.seats.length === 0) return;
  const gone = await tx.seat.findMany({
    where: { id: { in: contents.seats.map((s) => s.seatId) }, status: { not: "AVAILABLE" } },
    select: { id: true },
  });
  if (gone.length) {
    throw new AppError("SEAT_UNAVAILABLE", "Some of those tickets were just taken.", {
      unavailableSeatIds: gone.map((g) => g.id),
      unavailableTicketTypeIds: [],
    });
  }
}

/** The hold as the API and the checkout page show it (items with seat labels and all-in prices), or null. */
export async function findHold(db: DbOrTx, holdId: string) {
  const hold = await db.hold.findUnique({
    where: { id: holdId },
    select: {
      id: true,
      eventId: true,
      userId: true,
      status: true,
      expiresAt: true,
      items: {
        select: {
          quantity: true,
          ticketType: { select: { id: true, name: true, priceMinor: true, feeMinor: true, currency: true } },
          seat: { select: { id: true, section: true, row: true, number: true } },
        },
      },
    },
  });
  if (!hold) return null;
  const items = hold.items.map((item) => ({
    ticketTypeId: item.ticketType.id,
    ticketTypeName: item.ticketType.name,
    seat: item.seat,
    quantity: item.quantity,
    unitPriceMinor: item.ticketType.priceMinor,
    unitFeeMinor: item.ticketType.feeMinor,
    unitAllInMinor: allInPriceMinor(item.ticketType),
    currency: item.ticketType.currency,
  }));
  return {
    holdId: hold.id,
    eventId: hold.eventId,
    userId: hold.userId,
    status: hold.status,
    expiresAt: hold.expiresAt,
    items,
    totalMinor: items.reduce((sum, i) => sum + i.unitAllInMinor * i.quantity, 0),
    currency: items[0]?.currency ?? "USD",
  };
}

export type HoldView = NonNullable<Awaited<ReturnType<typeof findHold>>>;

export async function describeHold(db: DbOrTx, holdId: string): Promise<HoldView> {
  const hold = await findHold(db, holdId);
  if (!hold) throw new Error(`hold ${holdId} does not exist`);
  return hold;
}

export async function holdContents(
  db: DbOrTx,
  holdId: string,
): Promise<HoldContents & { status: string; expiresAt: Date }> {
  const hold = await db.hold.findUniqueOrThrow({
    where: { id: holdId },
    select: {
      id: true,
      eventId: true,
      status: true,
      expiresAt: true,
      items: { select: { ticketTypeId: true, seatId: true, quantity: true } },
    },
  });
  return {
    holdId: hold.id,
    eventId: hold.eventId,
    status: hold.status,
    expiresAt: hold.expiresAt,
    seats: hold.items.flatMap((i) => (i.seatId ? [{ seatId: i.seatId, ticketTypeId: i.ticketTypeId }] : [])),
    generalAdmission: hold.items
      .filter((i) => !i.seatId)
      .map((i) => ({ ticketTypeId: i.ticketTypeId, quantity: i.quantity })),
  };
}

/**
 * Ends a live hold early (RELEASED) and gives its inventory back, in the
 * caller's transaction. Returns false when the hold was no longer live.
 */
export async function releaseHoldIn(tx: Tx, store: HoldStore, holdId: string): Promise<boolean> {
  const { count } = await tx.hold.updateMany({ where: { id: holdId, status: "ACTIVE" }, data: { status: "RELEASED" } });
  if (count === 0) return false;
  await store.release(tx, await holdContents(tx, holdId));
  return true;
}

/**
 * Ends every hold of an event that is still ACTIVE (its cancellation), in the
 * caller's transaction, in id order; returns how many were released.
 */
export async function releaseEventHolds(tx: Tx, store: HoldStore, eventId: string): Promise<number> {
  const holds = await tx.hold.findMany({
    where: { eventId, status: "ACTIVE" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let released = 0;
  for (const hold of holds) if (await releaseHoldIn(tx, store, hold.id)) released++;
  return released;
}

export { capacitiesOf };
