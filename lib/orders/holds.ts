import "server-only";
import { createHold, type InventoryDeps } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";
import { passWaitingRoom, type GateDeps } from "@/lib/queue/admission-gate";
import type { RateLimiter } from "@/lib/rate-limit";
import { noteRefusal, type RefusalRecorder } from "@/lib/refusals/recorder";
import { enforcePurchaseLimits } from "./purchase-limits";

/**
 * A fan holds seats or GA tickets, within the request limits per account and address, the event's
 * per-fan limit, and, for an event with its waiting room on, with a confirmed e-mail address and
 * their admission token (spent by this hold, given back if the hold fails). What counts toward the limit
 * besides live holds is this module's rule, kept in SQL
 * (marquee_fan_committed, see fan-limit.ts) so that the hold store can apply
 * it inside its one statement. Every refusal of the fan is counted for the organizer (lib/refusals).
 */
export async function holdTickets(
  deps: InventoryDeps & GateDeps & { rateLimiter: RateLimiter; refusals: RefusalRecorder },
  options: {
    userId: string;
    eventId: string;
    input: HoldRequestInput;
    admissionToken?: string | null;
    clientIp?: string | null;
  },
) {
  const clientIp = options.clientIp ?? null;
  try {
    await enforcePurchaseLimits(deps, { action: "hold", userId: options.userId, clientIp });
    return await createHold(deps, {
      ...options,
      admit: (event) => passWaitingRoom(deps, { event, userId: options.userId, token: options.admissionToken ?? null }),
    });
  } catch (error) {
    throw noteRefusal(deps.refusals, { eventId: options.eventId, userId: options.userId, clientIp }, error);
  }
}
