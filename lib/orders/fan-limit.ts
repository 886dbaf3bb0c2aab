import "server-only";
import type { DbOrTx, Tx } from "@/lib/db";

type FanAndEvent = { eventId: string; userId: string };

/** Tickets issued to a fan for an event. */
async function issuedTo(tx: Tx, { eventId, userId }: FanAndEvent) {
  return tx.ticket.count({ where: { eventId, status: "ISSUED", order: { userId } } });
}

/**
 * What counts toward a fan's per-event limit besides their live holds: the
 * tickets issued to them and the items of their pending orders whose hold
 * lapsed while the payment page is still open (they can still pay; orders
 * whose hold is live are counted through the hold). The rule lives in SQL,
 * `marquee_fan_committed` (migration 20261201144609_hold_item_prices), because
 * the hold stores apply it inside the statement that records a hold.
 */
export async function committedTicketsOfFan(db: DbOrTx, options: FanAndEvent & { now: Date }) {
  const [row] = await db.$queryRaw<{ committed: number }[]>`
    SELECT marquee_fan_committed(${options.eventId}, ${options.userId}, ${options.now}::timestamp) AS committed`;
  return Number(row?.committed ?? 0);
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
