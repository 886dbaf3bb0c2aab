import "server-only";
import type { Db } from "@/lib/db";
import { eventSummary } from "@/lib/events/queries";
import { ownHold } from "./checkout";

/**
 * What the checkout page shows for a fan's hold: its items, the event, whether
 * it can still be paid, and the order it became once paid (the page then
 * sends the fan there).
 */
export async function checkoutView(db: Db, options: { holdId: string; userId: string; now: Date }) {
  const hold = await ownHold(db, options);
  const [closedOrder, event] = await Promise.all([
    db.order.findFirst({ where: { holdId: hold.holdId, status: { not: "PENDING" } }, select: { id: true } }),
    eventSummary(db, hold.eventId),
  ]);
  return {
    hold,
    event,
    live: hold.status === "ACTIVE" && hold.expiresAt > options.now,
    paidOrderId: hold.status === "CONSUMED" ? (closedOrder?.id ?? null) : null,
  };
}
