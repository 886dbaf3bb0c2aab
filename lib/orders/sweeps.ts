import "server-only";
import type { Db } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { log } from "@/lib/log";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { openSessionsOfLapsedHolds } from "@/lib/payments/records";
import { settleExpiredSession } from "./settle";

const BATCH = 100;

/**
 * Closes the payment pages of orders whose hold lapsed, so fans are not
 * charged late in the first place (Stripe sessions live at least 30 minutes,
 * our holds 10); the provider then reports the session expired through the
 * usual webhook, which expires the order. Oldest first; one session that
 * cannot be closed is logged and skipped, never the rest of the batch. A
 * session the provider already expired is settled here from the provider's
 * own answer, so a lost webhook cannot keep it in every batch.
 */
export async function expireLapsedCheckouts(
  deps: { db: Db; holds: HoldStore; gateway: PaymentGateway },
  now = new Date(),
) {
  const lapsed = await openSessionsOfLapsedHolds(deps.db, { now, limit: BATCH });
  const counts = { expired: 0, settled: 0, skipped: 0, failed: 0 };
  for (const sessionId of lapsed) {
    try {
      const session = await deps.gateway.retrieveCheckoutSession(sessionId);
      if (session.status === "open") {
        await deps.gateway.expireCheckoutSession(sessionId);
        counts.expired++;
      } else if (session.status === "expired") {
        await deps.db.$transaction((tx) => settleExpiredSession(tx, deps.holds, session));
        counts.settled++;
      } else {
        // Complete: paid, and its webhook is on the way (the provider retries it for days).
        counts.skipped++;
      }
    } catch (error) {
      counts.failed++;
      log.warn({ err: error, sessionId }, "could not close a lapsed checkout session; next sweep retries");
    }
  }
  return counts;
}
