import "server-only";
import type { DbOrTx, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HoldRequest, HoldStore, PlacedItem } from "./hold-store";
import { limitExceeded, seatsUnavailable } from "./hold-records";

/**
 * Holds in PostgreSQL: a seat is held while seats.holdId points at a hold and
 * seats.holdExpiresAt is in the future, so a lapsed hold stops blocking the
 * moment it lapses, sweep or no sweep. GA quantities are counted in
 * ticket_types.held, given back when a lapsed hold is reclaimed.
 */
export const postgresHoldStore: HoldStore = {
  kind: "postgres",
  countsHeldInDatabase: true,

  // One statement, one implicit transaction: see marquee_take_hold in
  // prisma/migrations/20261201144609_hold_item_prices/migration.sql.
  async place(db, request) {
    const gaTypes = request.generalAdmission.map((g) => g.ticketTypeId);
    const [row] = await db.$queryRaw<{ result: TakeHoldResult }[]>`
      SELECT marquee_take_hold(${request.holdId}, ${request.eventId}, ${request.userId},
        ${request.now}::timestamp, ${request.expiresAt}::timestamp, ${request.perOrderLimit}::int,
        ${request.seats.map((s) => s.seatId)}::text[], ${gaTypes}::text[],
        ${request.generalAdmission.map((g) => g.quantity)}::int[]) AS result`;
    const result = row!.result;
    if (result.outcome === "limit") throw limitExceeded(request.perOrderLimit, result.alreadyTaken);
    if (result.outcome === "unavailable") throw seatsUnavailable(result.seatIds, result.ticketTypeIds);
    return result.items;
  },

  async acquire(tx, request) {
    const seatIds = request.seats.map((s) => s.seatId);
    const unavailableSeatIds: string[] = [];
    const unavailableTicketTypeIds: string[] = [];

    if (seatIds.length > 0) unavailableSeatIds.push(...(await takeSeats(tx, request)));

    if (request.generalAdmission.length > 0) {
      await reclaimLapsedHolds(tx, { eventId: request.eventId, now: request.now, givesBackHeld: true });
      for (const { ticketTypeId, quantity } of request.generalAdmission) {
        const updated = await tx.$executeRaw`
          UPDATE ticket_types SET held = held + ${quantity}
          WHERE id = ${ticketTypeId} AND "eventId" = ${request.eventId} AND kind = 'GENERAL_ADMISSION'
            AND sold + held + ${quantity} <= capacity`;
        if (updated !== 1) unavailableTicketTypeIds.push(ticketTypeId);
      }
    }

    if (unavailableSeatIds.length || unavailableTicketTypeIds.length) {
      throw unavailable(unavailableSeatIds, unavailableTicketTypeIds);
    }
  },

  async release(db, hold) {
    if (hold.seats.length > 0) {
      await db.seat.updateMany({
        where: { holdId: hold.holdId, status: "AVAILABLE" },
        data: { holdId: null, holdExpiresAt: null },
      });
    }
    for (const { ticketTypeId, quantity } of hold.generalAdmission) {
      await db.$executeRaw`UPDATE ticket_types SET held = held - ${quantity} WHERE id = ${ticketTypeId}`;
    }
  },

  async retakeForSale(tx, request) {
    // Give back what lapsed (our own hold included, if it lapsed), then take it all again.
    await reclaimLapsedHolds(tx, { eventId: request.eventId, now: request.now, givesBackHeld: true });
    const { count: stillCounted } = await tx.hold.updateMany({
      where: { id: request.holdId, status: "ACTIVE" },
      data: { expiresAt: request.expiresAt },
    });
    if (stillCounted === 1) {
      const lost = await takeSeats(tx, request);
      if (lost.length) throw unavailable(lost, []);
      return;
    }
    await this.acquire(tx, request);
    await tx.hold.update({ where: { id: request.holdId }, data: { status: "ACTIVE", expiresAt: request.expiresAt } });
  },

  async afterSale() {},

  async heldSeatIds(db, eventId, now) {
    const rows = await db.seat.findMany({
      where: { eventId, status: "AVAILABLE", holdId: { not: null }, holdExpiresAt: { gt: now } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  },

  async heldQuantities(db, eventId, now) {
    // Counts live holds directly, so lapsed-but-unreclaimed holds never show as held.
    const rows = await db.$queryRaw<{ ticketTypeId: string; quantity: bigint }[]>`
      SELECT hi."ticketTypeId", SUM(hi.quantity) AS quantity
      FROM hold_items hi JOIN holds h ON h.id = hi."holdId"
      WHERE h."eventId" = ${eventId} AND h.status = 'ACTIVE' AND h."expiresAt" > ${now} AND hi."seatId" IS NULL
      GROUP BY hi."ticketTypeId"`;
    return new Map(rows.map((r) => [r.ticketTypeId, Number(r.quantity)]));
  },
};

type TakeHoldResult =
  | { outcome: "held"; items: PlacedItem[] }
  | { outcome: "limit"; alreadyTaken: number }
  | { outcome: "unavailable"; seatIds: string[]; ticketTypeIds: string[] };

const unavailable = seatsUnavailable;

const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Points the requested seats at this hold, or none of them; returns the seats
 * that are taken. Rows are locked in id order (no deadlocks between buyers),
 * FOR NO KEY UPDATE (the hold_items rows that reference a seat share-lock its
 * key; a plain FOR UPDATE would queue behind every rival's hold_items insert),
 * first with NOWAIT: the common case, an uncontested seat, costs one round
 * trip. When another buyer is taking one of the seats at this very moment, we
 * wait for that buyer's short transaction instead, and then see the seat as
 * taken (or free, if that buyer failed) rather than guessing.
 */
async function takeSeats(tx: Tx, request: HoldRequest): Promise<string[]> {
  const seatIds = request.seats.map((s) => s.seatId);
  const update = (wait: boolean) => tx.$queryRaw<{ id: string }[]>`
    UPDATE seats SET "holdId" = ${request.holdId}, "holdExpiresAt" = ${request.expiresAt}
    WHERE id IN (
      SELECT id FROM seats
      WHERE "eventId" = ${request.eventId} AND id = ANY(${seatIds}) AND status = 'AVAILABLE'
        AND ("holdId" IS NULL OR "holdId" = ${request.holdId} OR "holdExpiresAt" <= ${request.now})
      ORDER BY id
      FOR NO KEY UPDATE ${wait ? Prisma.empty : Prisma.sql`NOWAIT`}
    )
    RETURNING id`;

  await tx.$executeRaw`SAVEPOINT take_seats`;
  let taken: { id: string }[];
  try {
    taken = await update(false);
  } catch (error) {
    if (!isLockNotAvailable(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT take_seats`;
    await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
    taken = await update(true);
  }
  const got = new Set(taken.map((t) => t.id));
  return seatIds.filter((id) => !got.has(id));
}

function isLockNotAvailable(error: unknown): boolean {
  if (String((error as { message?: unknown }).message).includes(LOCK_NOT_AVAILABLE)) return true;
  const meta = (error as { meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } } }).meta;
  return meta?.code === LOCK_NOT_AVAILABLE || meta?.driverAdapterError?.cause?.originalCode === LOCK_NOT_AVAILABLE;
}

/**
 * Marks the lapsed holds of one event (or all events) EXPIRED and gives their
 * GA quantities back, in one statement. Concurrent callers are safe: the
 * status guard lets only one of them expire each hold.
 */
export async function reclaimLapsedHolds(
  db: DbOrTx,
  options: { eventId?: string; now: Date; givesBackHeld: boolean },
): Promise<number> {
  const rows = await db.$queryRaw<{ expired: bigint }[]>`
    WITH lapsed AS (
      UPDATE holds SET status = 'EXPIRED', "updatedAt" = now()
      WHERE status = 'ACTIVE' AND "expiresAt" <= ${options.now}
        AND (${options.eventId ?? null}::text IS NULL OR "eventId" = ${options.eventId ?? null})
      RETURNING id
    ), freed AS (
      SELECT hi."ticketTypeId", SUM(hi.quantity)::int AS quantity
      FROM hold_items hi JOIN lapsed ON lapsed.id = hi."holdId"
      WHERE hi."seatId" IS NULL AND ${options.givesBackHeld}
      GROUP BY hi."ticketTypeId"
    ), given_back AS (
      UPDATE ticket_types t SET held = t.held - freed.quantity FROM freed WHERE t.id = freed."ticketTypeId"
      RETURNING t.id
    )
    SELECT (SELECT count(*) FROM lapsed) AS expired`;
  return Number(rows[0]?.expired ?? 0);
}
