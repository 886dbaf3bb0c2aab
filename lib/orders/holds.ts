import "server-only";
import { createHold, type InventoryDeps } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";

/**
 * A fan holds seats or GA tickets, within the event's per-fan limit. What
 * counts toward the limit besides live holds is this module's rule, kept in
 * SQL (marquee_fan_committed, see fan-limit.ts) so that the hold store can
 * apply it inside its one statement.
 */
export function holdTickets(
  deps: InventoryDeps,
  options: { userId: string; eventId: string; input: HoldRequestInput },
) {
  return createHold(deps, options);
}
