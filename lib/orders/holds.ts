import "server-only";
import { createHold, type InventoryDeps } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";
import { passWaitingRoom, type GateDeps } from "@/lib/queue/admission-gate";

/**
 * A fan holds seats or GA tickets, within the event's per-fan limit, and, for
 * an event with its waiting room on, with a confirmed e-mail address and
 * their admission token (spent by this hold, given back if the hold fails). What counts toward the limit
 * besides live holds is this module's rule, kept in SQL
 * (marquee_fan_committed, see fan-limit.ts) so that the hold store can apply
 * it inside its one statement.
 */
export function holdTickets(
  deps: InventoryDeps & GateDeps,
  options: { userId: string; eventId: string; input: HoldRequestInput; admissionToken?: string | null },
) {
  return createHold(deps, {
    ...options,
    admit: (event) => passWaitingRoom(deps, { event, userId: options.userId, token: options.admissionToken ?? null }),
  });
}
