import "server-only";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { randomUUID } from "node:crypto";
import { eventForSale, type EventForSale } from "@/lib/events/queries";
import { saleState, ticketTypeSaleState } from "@/lib/events/sale-state";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HoldStatus } from "@/lib/generated/prisma/enums";
import { allInPriceMinor } from "@/lib/money";
import { ABANDONED_HOLDS_WINDOW_MS, assertNotSquatting } from "./abandoned-holds";
import { bestAvailableBlock, stageOf } from "./best-available";
import type { HoldContents, HoldStore } from "./hold-store";
import type { HoldRequestInput } from "./schemas";
import { inSeatOrder } from "@/lib/seat-order";

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

type SaleTicketType = EventForSale["ticketTypes"][number];

/** A ticket type outside its own sale window cannot be held (hidden types are refused as unknown before this). */
function assertTypeOnSale(type: SaleTicketType, now: Date) {
  const state = ticketTypeSaleState(type, now);
  if (state === "not-yet-on-sale") {
    throw new AppError("EVENT_NOT_ON_SALE", `${type.name} tickets are not on sale yet.`, {
      ticketTypeId: type.id,
      salesStartAt: type.salesStartAt?.toISOString() ?? null,
    });
  }
  if (state === "sales-ended") {
    throw new AppError("EVENT_NOT_ON_SALE", `${type.name} tickets are no longer on sale.`, {
      ticketTypeId: type.id,
      salesEndAt: type.salesEndAt?.toISOString() ?? null,
    });
  }
}

/**
 * Serialises everything that counts toward one fan's limit for one event: a
 * late payment settling while the fan holds more (the PostgreSQL hold store's
 * marquee_take_hold takes the same lock).
 */
export async function lockFanForEvent(tx: Tx, options: { eventId: string; userId: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${options.eventId}), hashtext(${options.userId}))`;
}

async function capacitiesOf(db: DbOrTx, contents: HoldContents) {
  if (contents.generalAdmission.length === 0) return new Map<string, { capacity: number; sold: number }>();
  const types = await db.ticketType.findMany({
    where: { id: { in: contents.generalAdmission.map((g) => g.ticketTypeId) } },
    select: { id: true, capacity: true, sold: true },
  });
  return new Map(types.map((t) => [t.id, { capacity: t.capacity, sold: t.sold }]));
}

type SeatLabel = { id: string; section: string; row: string; number: string };
type ResolvedSeat = { seatId: string; ticketTypeId: string; label: SeatLabel };

/** The requested seats of the event, each of a visible ticket type on sale now; unknown or hidden ones are a 400. */
function resolveSeats(event: EventForSale, seatIds: string[], now: Date): ResolvedSeat[] {
  const types = new Map(event.ticketTypes.map((t) => [t.id, t]));
  // Seats of hidden types are not on the public seat map: to the API they do not exist.
  const known = event.seats.filter((s) => types.get(s.ticketTypeId)?.hidden === false);
  if (known.length !== seatIds.length) {
    const ids = new Set(known.map((s) => s.id));
    throw new AppError("VALIDATION_FAILED", "Some seats do not belong to this event.", {
      unknownSeatIds: seatIds.filter((id) => !ids.has(id)),
    });
  }
  for (const typeId of new Set(known.map((s) => s.ticketTypeId))) assertTypeOnSale(types.get(typeId)!, now);
  return known.map(({ ticketTypeId, ...label }) => ({ seatId: label.id, ticketTypeId, label }));
}

async function pickBestSeats(
  deps: InventoryDeps,
  event: EventForSale,
  ticketTypeId: string,
  quantity: number,
  now: Date,
): Promise<ResolvedSeat[]> {
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
  return block.map((s) => ({
    seatId: s.id,
    ticketTypeId,
    label: { id: s.id, section: s.section, row: s.row, number: s.number },
  }));
}

/**
 * Holds seats or GA tickets for a fan: all of them or none, within the
 * event's per-fan limit (live holds, issued tickets, open orders), through
 * the hold store's one-call `place` — no transaction of ours around it.
 * Before it: the event and, for explicit seats, the seats, read at once.
 * "Best available" requests retry with a fresh pick when another buyer wins
 * the block first. The answer is built from what was read and recorded, not
 * read again.
 */
/**
 * What lets a fan's hold through before anything is taken (the waiting room's gate, lib/queue), given the
 * event as the hold read it; what it returns is undone when the hold then fails.
 */
export type HoldAdmission = (event: EventForSale) => Promise<{ giveBack(): Promise<void> } | null>;

export async function createHold(
  deps: InventoryDeps,
  options: { userId: string; eventId: string; input: HoldRequestInput; admit?: HoldAdmission },
): Promise<HoldView> {
  const now = deps.clock();
  const { input } = options;
  const event = await eventForSale(deps.db, options.eventId, {
    ...("seatIds" in input ? { seatIds: input.seatIds } : {}),
    abandonedHolds: { userId: options.userId, since: new Date(now.getTime() - ABANDONED_HOLDS_WINDOW_MS), now },
  });
  assertOnSale(event, now);
  assertNotSquatting(event!.abandonedHoldsEndedAt, now);
  const admission = (await options.admit?.(event!)) ?? null;
  try {
    return await holdFor(deps, event!, options.userId, input, now);
  } catch (error) {
    await admission?.giveBack();
    throw error;
  }
}

async function holdFor(
  deps: InventoryDeps,
  event: EventForSale,
  userId: string,
  input: HoldRequestInput,
  now: Date,
): Promise<HoldView> {
  if ("seatIds" in input) return holdOnce(deps, event, userId, resolveSeats(event, input.seatIds, now), [], now);

  const type = event.ticketTypes.find((t) => t.id === input.ticketTypeId && !t.hidden);
  if (!type) throw new AppError("VALIDATION_FAILED", "That ticket type does not belong to this event.");
  assertTypeOnSale(type, now);
  if (type.kind === "GENERAL_ADMISSION") {
    return holdOnce(deps, event, userId, [], [{ ticketTypeId: type.id, quantity: input.quantity }], now);
  }
  assertWithinOrderLimit(event, input.quantity);
  for (let attempt = 1; ; attempt++) {
    try {
      const seats = await pickBestSeats(deps, event, type.id, input.quantity, now);
      return await holdOnce(deps, event, userId, seats, [], now);
    } catch (error) {
      const retry = attempt < 3 && error instanceof AppError && error.code === "SEAT_UNAVAILABLE";
      if (!retry) throw error;
    }
  }
}

function assertWithinOrderLimit(event: EventForSale, quantity: number) {
  if (quantity > event.perOrderLimit) {
    throw new AppError("LIMIT_EXCEEDED", `You can buy at most ${event.perOrderLimit} tickets for this event.`, {
      perOrderLimit: event.perOrderLimit,
    });
  }
}

/** A hold becomes one order: each ticket type's own minimum and maximum per order apply to it. */
function assertTypeQuantities(event: EventForSale, items: { ticketTypeId: string; quantity: number }[]) {
  const quantities = new Map<string, number>();
  for (const item of items) quantities.set(item.ticketTypeId, (quantities.get(item.ticketTypeId) ?? 0) + item.quantity);
  for (const [ticketTypeId, quantity] of quantities) {
    const type = event.ticketTypes.find((t) => t.id === ticketTypeId);
    if (!type) continue;
    if (type.maxPerOrder !== null && quantity > type.maxPerOrder) {
      throw new AppError(
        "LIMIT_EXCEEDED",
        `You can buy at most ${type.maxPerOrder} "${type.name}" tickets per order.`,
        {
          ticketTypeId,
          maxPerOrder: type.maxPerOrder,
        },
      );
    }
    if (quantity < type.minPerOrder) {
      throw new AppError(
        "VALIDATION_FAILED",
        `"${type.name}" tickets are sold at least ${type.minPerOrder} at a time.`,
        {
          ticketTypeId,
          minPerOrder: type.minPerOrder,
        },
      );
    }
  }
}

async function holdOnce(
  deps: InventoryDeps,
  event: EventForSale,
  userId: string,
  seats: ResolvedSeat[],
  generalAdmission: { ticketTypeId: string; quantity: number }[],
  now: Date,
): Promise<HoldView> {
  assertWithinOrderLimit(event, seats.length + generalAdmission.reduce((sum, g) => sum + g.quantity, 0));
  assertTypeQuantities(event, [
    ...seats.map((s) => ({ ticketTypeId: s.ticketTypeId, quantity: 1 })),
    ...generalAdmission,
  ]);
  const expiresAt = new Date(now.getTime() + event.holdMinutes * 60_000);
  const types = new Map(event.ticketTypes.map((t) => [t.id, t]));
  const holdId = randomUUID();
  const items = await deps.holds.place(deps.db, {
    holdId,
    eventId: event.id,
    userId,
    now,
    expiresAt,
    perOrderLimit: event.perOrderLimit,
    seats: seats.map(({ seatId, ticketTypeId }) => ({ seatId, ticketTypeId })),
    generalAdmission,
    capacities: new Map(
      generalAdmission.map(({ ticketTypeId }) => {
        const type = types.get(ticketTypeId);
        return [ticketTypeId, { capacity: type?.capacity ?? 0, sold: type?.sold ?? 0 }];
      }),
    ),
  });
  const labels = new Map(seats.map((s) => [s.seatId, s.label]));
  return holdView(
    { holdId, eventId: event.id, userId, status: "ACTIVE", expiresAt },
    items.map((item) => {
      const type = types.get(item.ticketTypeId)!;
      return {
        ...item,
        ticketTypeName: type.name,
        currency: type.currency,
        seat: item.seatId ? labels.get(item.seatId)! : null,
      };
    }),
  );
}

type HoldItemView = {
  ticketTypeId: string;
  ticketTypeName: string;
  seat: SeatLabel | null;
  quantity: number;
  unitPriceMinor: number;
  unitFeeMinor: number;
  currency: string;
};

function holdView(
  hold: { holdId: string; eventId: string; userId: string; status: HoldStatus; expiresAt: Date },
  rawItems: HoldItemView[],
) {
  const items = rawItems.map((item) => ({
    ticketTypeId: item.ticketTypeId,
    ticketTypeName: item.ticketTypeName,
    seat: item.seat,
    quantity: item.quantity,
    unitPriceMinor: item.unitPriceMinor,
    unitFeeMinor: item.unitFeeMinor,
    unitAllInMinor: allInPriceMinor({ priceMinor: item.unitPriceMinor, feeMinor: item.unitFeeMinor }),
    currency: item.currency,
  }));
  return {
    ...hold,
    items,
    totalMinor: items.reduce((sum, i) => sum + i.unitAllInMinor * i.quantity, 0),
    currency: items[0]?.currency ?? "USD",
  };
}

/**
 * The hold as the API and the checkout page show it (items with seat labels
 * and all-in prices), or null. Prices are those recorded when the hold was
 * taken, so a price change meanwhile does not change what the fan pays.
 */
export async function findHold(db: DbOrTx, holdId: string) {
  const hold = await db.hold.findUnique({ where: { id: holdId }, select: HOLD_VIEW_SELECT });
  return hold && holdViewOf(hold);
}

/** What `holdViewOf` reads of a hold row. */
export const HOLD_VIEW_SELECT = {
  id: true,
  eventId: true,
  userId: true,
  status: true,
  expiresAt: true,
  items: {
    select: {
      quantity: true,
      unitPriceMinor: true,
      unitFeeMinor: true,
      ticketType: { select: { id: true, name: true, currency: true } },
      seat: { select: { id: true, section: true, row: true, number: true } },
    },
  },
} as const satisfies Prisma.HoldSelect;

type HoldRow = Prisma.HoldGetPayload<{ select: typeof HOLD_VIEW_SELECT }>;

export function holdViewOf(hold: HoldRow) {
  return holdView(
    { holdId: hold.id, eventId: hold.eventId, userId: hold.userId, status: hold.status, expiresAt: hold.expiresAt },
    // In seat order wherever a hold is shown (checkout, the hold banner, the API), as orders and tickets are.
    inSeatOrder(hold.items).map((item) => ({
      ticketTypeId: item.ticketType.id,
      ticketTypeName: item.ticketType.name,
      seat: item.seat,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      unitFeeMinor: item.unitFeeMinor,
      currency: item.ticketType.currency,
    })),
  );
}

export type HoldView = ReturnType<typeof holdView>;

export async function holdContents(
  db: DbOrTx,
  holdId: string,
): Promise<HoldContents & { status: string; expiresAt: Date }> {
  const hold = await db.hold.findUniqueOrThrow({
    where: { id: holdId },
    select: {
      id: true,
      eventId: true,
      userId: true,
      status: true,
      expiresAt: true,
      items: { select: { ticketTypeId: true, seatId: true, quantity: true } },
    },
  });
  return {
    holdId: hold.id,
    eventId: hold.eventId,
    userId: hold.userId,
    status: hold.status,
    expiresAt: hold.expiresAt,
    ...inventoryOf(hold.items),
  };
}

/** A hold's items as the hold store takes them: seats one by one, GA by quantity. */
function inventoryOf(items: { ticketTypeId: string; seatId: string | null; quantity: number }[]) {
  return {
    seats: items.flatMap((i) => (i.seatId ? [{ seatId: i.seatId, ticketTypeId: i.ticketTypeId }] : [])),
    generalAdmission: items
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

type OwnHoldRelease = {
  eventId: string;
  /** The event has a waiting room: the fan's turn may be given back (lib/orders/checkout.ts). */
  queueEnabled: boolean;
  released: boolean;
  items: { ticketTypeId: string; seatId: string | null; quantity: number }[];
  pendingOrderIds: string[];
};

/**
 * A fan ends their own hold early: one statement turns it RELEASED (if still ACTIVE) and reads what it
 * held and its open orders, then the store gives the inventory back. With Redis that is one database
 * round trip and one script, outside any transaction: the database flips first, so a crash between the
 * two leaves seats blocked in Redis only until the hold's own expiry, never sold twice. The PostgreSQL
 * store keeps both in one transaction, because its GA `held` counters would otherwise leak.
 * Returns null when the hold is not this fan's (or does not exist).
 */
export async function releaseOwnHold(
  db: Db,
  store: HoldStore,
  options: { holdId: string; userId: string },
): Promise<Omit<OwnHoldRelease, "items"> | null> {
  const flip = async (client: DbOrTx) => {
    const [row] = await client.$queryRaw<OwnHoldRelease[]>`
      WITH released AS (
        UPDATE holds SET status = 'RELEASED', "updatedAt" = now()
        WHERE id = ${options.holdId} AND "userId" = ${options.userId} AND status = 'ACTIVE'
        RETURNING id
      )
      SELECT h."eventId", EXISTS (SELECT 1 FROM released) AS released,
        (SELECT e."queueEnabled" FROM events e WHERE e.id = h."eventId") AS "queueEnabled",
        coalesce((SELECT jsonb_agg(jsonb_build_object('ticketTypeId', hi."ticketTypeId", 'seatId', hi."seatId",
            'quantity', hi.quantity)) FROM hold_items hi WHERE hi."holdId" = h.id), '[]'::jsonb) AS items,
        ARRAY(SELECT o.id FROM orders o WHERE o."holdId" = h.id AND o.status = 'PENDING' ORDER BY o.id)
          AS "pendingOrderIds"
      FROM holds h WHERE h.id = ${options.holdId} AND h."userId" = ${options.userId}`;
    if (row?.released) {
      await store.release(client, {
        holdId: options.holdId,
        eventId: row.eventId,
        userId: options.userId,
        ...inventoryOf(row.items),
      });
    }
    if (!row) return null;
    const { items: _items, ...outcome } = row;
    return outcome;
  };
  return store.kind === "postgres" ? db.$transaction((tx) => flip(tx)) : flip(db);
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
