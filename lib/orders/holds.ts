import "server-only";
import { createHold, type InventoryDeps } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";
import { ticketsTakenByFan } from "./fan-limit";

/** A fan holds seats or GA tickets, within the event's per-fan limit. */
export function holdTickets(
  deps: InventoryDeps,
  options: { userId: string; eventId: string; input: HoldRequestInput },
) {
  return createHold({ ...deps, countTaken: ticketsTakenByFan }, options);
}
