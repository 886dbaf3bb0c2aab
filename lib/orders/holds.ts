import "server-only";
import type { Tx } from "@/lib/db";
import { createHold, liveHeldQuantity, type InventoryDeps } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";

/** What counts toward a fan's per-event limit: tickets in live holds plus tickets issued to them. */
async function ticketsTakenByFan(tx: Tx, options: { eventId: string; userId: string; now: Date }) {
  const [held, issued] = await Promise.all([
    liveHeldQuantity(tx, options),
    tx.ticket.count({ where: { eventId: options.eventId, status: "ISSUED", order: { userId: options.userId } } }),
  ]);
  return held + issued;
}

/** A fan holds seats or GA tickets, within the event's per-fan limit. */
export function holdTickets(
  deps: InventoryDeps,
  options: { userId: string; eventId: string; input: HoldRequestInput },
) {
  return createHold({ ...deps, countTaken: ticketsTakenByFan }, options);
}
