import "server-only";
import type Stripe from "stripe";
import { claimWebhookEvent, markPaymentFailed } from "@/lib/payments/records";
import type { WebhookDeps, WebhookOutcome } from "./types";

/** A declined card: the order stays PENDING and the hold keeps running, so the fan can try again. */
export async function onPaymentFailed(deps: WebhookDeps, event: Stripe.Event): Promise<WebhookOutcome> {
  const intent = event.data.object as {
    id?: unknown;
    metadata?: { orderId?: unknown };
    last_payment_error?: { message?: unknown } | null;
  };
  const orderId = intent.metadata?.orderId;
  if (typeof orderId !== "string") return { received: true, status: "ignored", detail: "no order in metadata" };
  const message =
    typeof intent.last_payment_error?.message === "string" ? intent.last_payment_error.message : "The payment failed.";
  const claimed = await deps.db.$transaction(async (tx) => {
    if (!(await claimWebhookEvent(tx, event))) return false;
    await markPaymentFailed(tx, {
      orderId,
      paymentIntentId: typeof intent.id === "string" ? intent.id : null,
      message,
    });
    return true;
  });
  return { received: true, status: claimed ? "processed" : "duplicate" };
}
