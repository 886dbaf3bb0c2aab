import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { log } from "@/lib/log";
import type { PaymentGateway } from "../gateway";
import { verifyWebhook } from "../signing";
import { onChargeRefunded } from "./charge-refunded";
import { onCheckoutSession } from "./checkout-session";
import { onPaymentFailed } from "./payment-failed";

export type WebhookDeps = { db: Db; store: HoldStore; gateway: PaymentGateway; secret: string; now?: () => Date };
export type WebhookOutcome = { received: true; status: "processed" | "duplicate" | "ignored"; detail?: string };

type Handler = (deps: WebhookDeps, event: Stripe.Event) => Promise<WebhookOutcome>;

// The only event types Marquee acts on; anything else is acknowledged and ignored.
const handlers: Record<string, Handler> = {
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
  const event = verifyWebhook(rawBody, signature, deps.secret, deps.now?.());
  const handler = handlers[event.type];
  if (!handler) return { received: true, status: "ignored", detail: `event type ${event.type} is not used` };
  const outcome = await handler(deps, event);
  log.info({ eventId: event.id, type: event.type, outcome }, "webhook handled");
  return outcome;
}
