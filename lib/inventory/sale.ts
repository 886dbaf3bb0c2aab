import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HoldContents, HoldStore } from "./hold-store";
import { capacitiesOf, holdContents } from "./holds";

// How long a retaken hold lasts: only as long as the sale's own transaction needs.
const RETAKE_MS = 5 * 60_000;

export type SaleResult = { ok: true; contents: HoldContents } | { ok: false; contents: HoldContents; reason: string };

/**
 * Turns a hold into sold inventory inside the payment's transaction: seats
 * become SOLD and GA quantities move from held to sold, each through a
 * guarded UPDATE whose row count is checked. A hold that lapsed still sells
 * if nobody else took its seats meanwhile. On failure nothing of the sale
 * remains (a savepoint is rolled back) and the caller refunds.
 */
export async function sellHold(tx: Tx, store: HoldStore, options: { holdId: string; now: Date }): Promise<SaleResult> {
  const hold = await holdContents(tx, options.holdId);
  await tx.$executeRaw`SAVEPOINT sell_hold`;
  try {
    await store.retakeForSale(tx, {
      ...hold,
      now: options.now,
      expiresAt: new Date(options.now.getTime() + RETAKE_MS),
      capacities: await capacitiesOf(tx, hold),
    });
    await markSold(tx, store, hold, options.now);
    await tx.hold.update({ where: { id: hold.holdId }, data: { status: "CONSUMED" } });
    await tx.$executeRaw`RELEASE SAVEPOINT sell_hold`;
    return { ok: true, contents: hold };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "SEAT_UNAVAILABLE")) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT sell_hold`;
    // The database forgot the retake; a Redis store must let go of it too.
    await store.afterSale(hold);
    return { ok: false, contents: hold, reason: "The seats were sold to someone else after the hold expired." };
  }
}

async function markSold(tx: Tx, store: HoldStore, hold: HoldContents, now: Date) {
  const seatIds = hold.seats.map((s) => s.seatId);
  if (seatIds.length > 0) {
    const sold = await tx.$executeRaw`
      UPDATE seats SET status = 'SOLD', "holdId" = NULL, "holdExpiresAt" = NULL
      WHERE id = ANY(${seatIds}) AND "eventId" = ${hold.eventId} AND status = 'AVAILABLE'
        AND ("holdId" IS NULL OR "holdId" = ${hold.holdId} OR "holdExpiresAt" <= ${now})`;
    if (sold !== seatIds.length) throw soldOut();
    // Reserved ticket types count their sold seats too, so "sold <= capacity" and reports hold for every type.
    for (const [ticketTypeId, count] of countBy(hold.seats.map((s) => s.ticketTypeId))) {
      await tx.$executeRaw`UPDATE ticket_types SET sold = sold + ${count} WHERE id = ${ticketTypeId}`;
    }
  }
  for (const { ticketTypeId, quantity } of hold.generalAdmission) {
    const sold = store.countsHeldInDatabase
      ? await tx.$executeRaw`
          UPDATE ticket_types SET held = held - ${quantity}, sold = sold + ${quantity}
          WHERE id = ${ticketTypeId} AND held >= ${quantity}`
      : await tx.$executeRaw`
          UPDATE ticket_types SET sold = sold + ${quantity}
          WHERE id = ${ticketTypeId} AND sold + held + ${quantity} <= capacity`;
    if (sold !== 1) throw soldOut();
  }
}

function soldOut() {
  return new AppError("SEAT_UNAVAILABLE", "The tickets are no longer available.");
}

export function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
