import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { RefusalRecorder } from "@/lib/refusals/recorder";

/** What the webhook intake and its handlers need; the composition root (lib/services.ts) provides it. */
export type WebhookDeps = {
  db: Db;
  holds: HoldStore;
  gateway: PaymentGateway;
  /** Where a payment refused by the per-fan or per-card limit is counted for the organizer. */
  refusals: RefusalRecorder;
  webhookSecret: string;
  clock: () => Date;
};

export type WebhookOutcome = { received: true; status: "processed" | "duplicate" | "ignored"; detail?: string };

export type WebhookHandler = (deps: WebhookDeps, event: Stripe.Event) => Promise<WebhookOutcome>;
