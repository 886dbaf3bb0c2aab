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
 *
 * `fulfil` is the caller's part of a sale (tickets, the order's status, its
 * messages): it runs inside the savepoint, so it is undone with the sale, and
 * before the `ticket_types` updates, which come last. Every payer of a ticket
 * type updates that one row, and holds its lock until the transaction commits:
 * so the lock is held for the last statement and the COMMIT, not for the
 * whole settlement (10 concurrent payers queued on it for the rest of their
 * transactions before; see docs/performance.md, "Checkout and webhooks").
 */
export async function sellHold(
  tx: Tx,
  store: HoldStore,
  options: { holdId: string; now: Date; fulfil?: (contents: HoldContents) => Promise<void> },
): Promise<SaleResult> {
  const hold = await holdContents(tx, options.holdId);
  await tx.$executeRaw`SAVEPOINT sell_hold`;
  try {
    await store.retakeForSale(tx, {
      ...hold,
      now: options.now,
      expiresAt: new Date(options.now.getTime() + RETAKE_MS),
      capacities: await capacitiesOf(tx, hold),
    });
    await markSeatsSold(tx, hold, options.now);
    await tx.hold.update({ where: { id: hold.holdId }, data: { status: "CONSUMED" } });
    await options.fulfil?.(hold);
    await countSold(tx, store, hold);
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

/** Seats → SOLD, guarded: each must still be for sale and free or ours (or held by a lapsed hold). */
async function markSeatsSold(tx: Tx, hold: HoldContents, now: Date) {
  const seatIds = hold.seats.map((s) => s.seatId);
  if (seatIds.length === 0) return;
  const sold = await tx.$executeRaw`
    UPDATE seats SET status = 'SOLD', "holdId" = NULL, "holdExpiresAt" = NULL
    WHERE id = ANY(${seatIds}) AND "eventId" = ${hold.eventId} AND status = 'AVAILABLE'
      AND ("holdId" IS NULL OR "holdId" = ${hold.holdId} OR "holdExpiresAt" <= ${now})`;
  if (sold !== seatIds.length) throw soldOut();
}

/** The ticket types' counters (and GA's guard), one UPDATE per type in id order, the sale's last statements. */
async function countSold(tx: Tx, store: HoldStore, hold: HoldContents) {
  // Reserved ticket types count their sold seats too, so "sold <= capacity" and reports hold for every type.
  const seatCounts = countBy(hold.seats.map((s) => s.ticketTypeId));
  const updates: { ticketTypeId: string; seats: number; ga: number }[] = [];
  for (const [ticketTypeId, seats] of seatCounts) updates.push({ ticketTypeId, seats, ga: 0 });
  for (const { ticketTypeId, quantity } of hold.generalAdmission) {
    const existing = updates.find((u) => u.ticketTypeId === ticketTypeId);
    if (existing) existing.ga += quantity;
    else updates.push({ ticketTypeId, seats: 0, ga: quantity });
  }
  // One order of locking for every payer, so two payers of the same types cannot deadlock.
  updates.sort((a, b) => (a.ticketTypeId < b.ticketTypeId ? -1 : a.ticketTypeId > b.ticketTypeId ? 1 : 0));
  for (const { ticketTypeId, seats, ga } of updates) {
    if (ga === 0) {
      await tx.$executeRaw`UPDATE ticket_types SET sold = sold + ${seats} WHERE id = ${ticketTypeId}`;
      continue;
    }
    const sold = store.countsHeldInDatabase
      ? await tx.$executeRaw`
          UPDATE ticket_types SET held = held - ${ga}, sold = sold + ${seats + ga}
          WHERE id = ${ticketTypeId} AND held >= ${ga}`
      : await tx.$executeRaw`
          UPDATE ticket_types SET sold = sold + ${seats + ga}
          WHERE id = ${ticketTypeId} AND sold + held + ${ga} <= capacity`;
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
