import "server-only";
import type { Tx } from "@/lib/db";
import { liveHeldQuantity } from "@/lib/inventory/holds";

type FanAndEvent = { eventId: string; userId: string };

/** Tickets issued to a fan for an event. */
async function issuedTo(tx: Tx, { eventId, userId }: FanAndEvent) {
  return tx.ticket.count({ where: { eventId, status: "ISSUED", order: { userId } } });
}

/**
 * Tickets in the fan's pending orders whose hold has lapsed but whose payment
 * page is still open: the fan can still pay for them, so they still count.
 * (Orders whose hold is live are counted through the hold.)
 */
async function payableAfterLapse(tx: Tx, { eventId, userId, now }: FanAndEvent & { now: Date }) {
  const { _sum } = await tx.orderItem.aggregate({
    _sum: { quantity: true },
    where: {
      order: {
        eventId,
        userId,
        status: "PENDING",
        payments: { some: { status: "PENDING", expiresAt: { gt: now } } },
        OR: [{ hold: { status: { not: "ACTIVE" } } }, { hold: { expiresAt: { lte: now } } }],
      },
    },
  });
  return _sum.quantity ?? 0;
}

/** What counts toward a fan's per-event limit when they ask for more. */
export async function ticketsTakenByFan(tx: Tx, options: FanAndEvent & { now: Date }) {
  const counts = await Promise.all([
    liveHeldQuantity(tx, options),
    payableAfterLapse(tx, options),
    issuedTo(tx, options),
  ]);
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * Whether fulfilling this order would take the fan past the event's limit: a
 * payment that arrives after its hold lapsed may meet tickets the fan bought
 * meanwhile. Call under lockFanForEvent, before issuing the order's tickets.
 */
export async function wouldExceedFanLimit(
  tx: Tx,
  options: FanAndEvent & { orderQuantity: number; perOrderLimit: number },
) {
  return (await issuedTo(tx, options)) + options.orderQuantity > options.perOrderLimit;
}
