import "server-only";
import { log } from "@/lib/log";
import { verifyWebhook } from "@/lib/payments/signing";
import { onChargeRefunded } from "./charge-refunded";
import { onCheckoutSession } from "./checkout-session";
import { onPaymentFailed } from "./payment-failed";
import type { WebhookDeps, WebhookHandler, WebhookOutcome } from "./types";

// The only event types Marquee acts on; anything else is acknowledged and ignored.
const handlers: Record<string, WebhookHandler> = {
  "checkout.session.completed": onCheckoutSession,
  "checkout.session.async_payment_succeeded": onCheckoutSession,
  "checkout.session.expired": onCheckoutSession,
  "payment_intent.payment_failed": onPaymentFailed,
  "charge.refunded": onChargeRefunded,
};

/**
 * Stripe's (and the simulator's) webhook intake: verify the signature over the
 * raw body, then hand the event to its type's handler. Handlers treat the
 * payload as a hint, re-read the truth from the gateway, and store the event
 * id in the transaction of their effects, so a redelivery changes nothing.
 */
export async function handleStripeWebhook(
  deps: WebhookDeps,
  rawBody: string,
  signature: string | null,
): Promise<WebhookOutcome> {
  const event = verifyWebhook(rawBody, signature, deps.webhookSecret, deps.clock());
  const handler = handlers[event.type];
  if (!handler) return { received: true, status: "ignored", detail: `event type ${event.type} is not used` };
  const outcome = await handler(deps, event);
  log.info({ eventId: event.id, type: event.type, outcome }, "webhook handled");
  return outcome;
}
