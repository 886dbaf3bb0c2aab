import "server-only";
import { serviceModes, type Config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { PaymentGateway } from "./gateway";
import { webhookSecret } from "./signing";
import { simulatorGateway, type Simulator, type WebhookDelivery } from "./simulator";
import { stripeGateway } from "./stripe";

export type Payments = { gateway: PaymentGateway; simulator: Simulator | null; webhookSecret: string };

/**
 * The payment side of a deployment: Stripe when STRIPE_SECRET_KEY is set
 * (unless PAYMENT_PROVIDER=simulator says otherwise), else the simulator, which hands its signed events to `deliver` (the
 * same intake Stripe's webhooks reach). This module knows nothing of orders:
 * whoever wires it decides what a payment event does.
 */
export function paymentsFor(config: Config, options: { db: Db; deliver: WebhookDelivery }): Payments {
  const secret = webhookSecret(config);
  if (serviceModes(config).payments === "stripe" && config.STRIPE_SECRET_KEY) {
    return { gateway: stripeGateway({ secretKey: config.STRIPE_SECRET_KEY }), simulator: null, webhookSecret: secret };
  }
  // The simulated account allows what the meter is configured for, as Stripe does once it raises an account's limit.
  const simulator = simulatorGateway({
    db: options.db,
    appUrl: config.APP_URL,
    secret,
    deliver: options.deliver,
    checkoutSessionsPerSecond: config.CHECKOUT_SESSIONS_PER_SECOND,
  });
  return { gateway: simulator.gateway, simulator, webhookSecret: secret };
}
