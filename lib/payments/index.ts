import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { holdStore } from "@/lib/inventory";
import type { PaymentGateway } from "./gateway";
import { webhookSecret } from "./signing";
import { simulatorGateway, type Simulator } from "./simulator";
import { stripeGateway } from "./stripe";
import { handleStripeWebhook, type WebhookDeps } from "./webhooks/handle";

type Payments = { gateway: PaymentGateway; simulator: Simulator | null; webhookDeps: WebhookDeps };
let payments: Payments | undefined;

function build(): Payments {
  const c = config();
  const base = { db, store: holdStore(), secret: webhookSecret(c) };
  if (c.STRIPE_SECRET_KEY) {
    const gateway = stripeGateway({ secretKey: c.STRIPE_SECRET_KEY });
    return { gateway, simulator: null, webhookDeps: { ...base, gateway } };
  }
  // The simulator posts its signed events to the same intake Stripe's go through.
  const simulator: Simulator = simulatorGateway({
    db,
    appUrl: c.APP_URL,
    secret: base.secret,
    deliver: async (rawBody, signature) => void (await handleStripeWebhook(webhookDeps, rawBody, signature)),
  });
  const webhookDeps: WebhookDeps = { ...base, gateway: simulator.gateway };
  return { gateway: simulator.gateway, simulator, webhookDeps };
}

/** This process's payment wiring: Stripe when STRIPE_SECRET_KEY is set, otherwise the simulator. */
export function paymentServices(): Payments {
  payments ??= build();
  return payments;
}
