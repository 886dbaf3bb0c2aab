import "server-only";
import Stripe from "stripe";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/**
 * The signing secret of the local payment simulator when Stripe is not
 * configured. Public on purpose: it only ever guards the simulator, which is
 * switched off the moment STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set.
 */
export const SIMULATOR_WEBHOOK_SECRET = "whsec_marquee_simulator_local_only";

/** Stripe's default: signatures older than five minutes are refused, against replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function webhookSecret(config: Config): string {
  return config.STRIPE_WEBHOOK_SECRET ?? SIMULATOR_WEBHOOK_SECRET;
}

/** Verifies the Stripe-Signature header over the raw body and parses the event; throws a 400 otherwise. */
export function verifyWebhook(
  rawBody: string,
  signature: string | null,
  secret: string,
  now = new Date(),
): Stripe.Event {
  if (!signature) throw new AppError("WEBHOOK_SIGNATURE_INVALID", "The Stripe-Signature header is missing.");
  try {
    // receivedAt is in milliseconds, unlike the header's timestamp.
    return Stripe.webhooks.constructEvent(
      rawBody,
      signature,
      secret,
      SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      now.getTime(),
    );
  } catch (error) {
    throw new AppError("WEBHOOK_SIGNATURE_INVALID", "The webhook signature does not verify.", {
      reason: error instanceof Error ? error.message.split("\n")[0] : String(error),
    });
  }
}

/** Signs a payload exactly as Stripe does (`t=…,v1=…`), for the simulator and for tests. */
export function signWebhookPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
