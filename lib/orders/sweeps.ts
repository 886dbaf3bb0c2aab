import "server-only";
import type { Db } from "@/lib/db";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { openSessionsOfLapsedHolds } from "@/lib/payments/records";

/**
 * Closes the payment pages of orders whose hold lapsed, so fans are not
 * charged late in the first place (Stripe sessions live at least 30 minutes,
 * our holds 10). The gateway then reports the session expired through the
 * usual webhook, which expires the order.
 */
export async function expireLapsedCheckouts(db: Db, gateway: PaymentGateway, now = new Date()) {
  const lapsed = await openSessionsOfLapsedHolds(db, { now, limit: 100 });
  let expired = 0;
  for (const sessionId of lapsed) {
    await gateway.expireCheckoutSession(sessionId);
    expired++;
  }
  return { expired };
}
