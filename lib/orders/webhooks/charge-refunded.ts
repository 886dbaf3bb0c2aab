import "server-only";
import type Stripe from "stripe";
import { recordExternalRefund } from "@/lib/orders/refund-reconcile";
import { claimWebhookEvent } from "@/lib/payments/records";
import type { WebhookDeps, WebhookOutcome } from "./types";

/**
 * charge.refunded: a refund made anywhere (ours, or in Stripe's dashboard).
 * The charge's amount_refunded is the running total, so applying it twice is harmless.
 */
export async function onChargeRefunded(deps: WebhookDeps, event: Stripe.Event): Promise<WebhookOutcome> {
  const charge = event.data.object as { payment_intent?: unknown; amount_refunded?: unknown };
  const paymentIntentId =
    typeof charge.payment_intent === "string"
      ? charge.payment_intent
      : (charge.payment_intent as { id?: string } | null)?.id;
  if (!paymentIntentId || typeof charge.amount_refunded !== "number") {
    return { received: true, status: "ignored", detail: "no payment intent or amount" };
  }
  const amountRefunded = charge.amount_refunded;
  const claimed = await deps.db.$transaction(async (tx) => {
    if (!(await claimWebhookEvent(tx, event))) return false;
    await recordExternalRefund(tx, { paymentIntentId, amountRefundedMinor: amountRefunded, webhookEventId: event.id });
    return true;
  });
  return { received: true, status: claimed ? "processed" : "duplicate" };
}
