import "server-only";
import type { DbOrTx } from "@/lib/db";
import { HOLD_VIEW_SELECT, holdViewOf } from "./holds";

/**
 * A fan's live holds for one event, soonest to end first: what the event page shows as
 * "You're holding 2 seats — 8:12 left" and draws as theirs on the seat map. Only the
 * fan's own (the caller passes the signed-in user), and only those still live by the
 * clock: a hold past its expiry is over even before the sweep marks it so.
 */
export async function liveHoldsOfFan(db: DbOrTx, options: { userId: string; eventId: string; now: Date }) {
  const rows = await db.hold.findMany({
    where: { userId: options.userId, eventId: options.eventId, status: "ACTIVE", expiresAt: { gt: options.now } },
    select: HOLD_VIEW_SELECT,
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => {
    const { userId: _owner, status: _status, ...view } = holdViewOf(row);
    return {
      ...view,
      ticketCount: view.items.reduce((sum, item) => sum + item.quantity, 0),
      seatIds: view.items.flatMap((item) => (item.seat ? [item.seat.id] : [])),
    };
  });
}

export type FanHold = Awaited<ReturnType<typeof liveHoldsOfFan>>[number];
