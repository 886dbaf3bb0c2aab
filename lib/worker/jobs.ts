import "server-only";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { SEARCH_SYNC_TOPIC, searchSyncHandler } from "@/lib/events/manage";
import { holdStore } from "@/lib/inventory";
import { reclaimLapsedHolds } from "@/lib/inventory/postgres-hold-store";
import { emailSenderFor } from "@/lib/notifications/email";
import { drainOutbox } from "@/lib/notifications/outbox";
import { WELCOME_TOPIC, welcomeEmailHandler } from "@/lib/notifications/welcome";
import { ORDER_EMAIL_TOPIC, orderEmailHandler } from "@/lib/orders/emails";
import { REFUND_TOPIC, refundHandler } from "@/lib/orders/refunds";
import { expireLapsedCheckouts } from "@/lib/orders/sweeps";
import { paymentServices } from "@/lib/payments";
import { pruneRateLimitWindows } from "@/lib/rate-limit/postgres-store";
import { searchEngine } from "@/lib/search";
import type { Job } from "./runner";

/** Every periodic job of the worker. */
export function workerJobs(config: Config, db: Db): Job[] {
  const email = emailSenderFor(config, db);
  const { gateway } = paymentServices();
  const store = holdStore();
  const outboxHandlers = {
    [WELCOME_TOPIC]: welcomeEmailHandler(email),
    [ORDER_EMAIL_TOPIC]: orderEmailHandler(db, email, config.APP_URL),
    [REFUND_TOPIC]: refundHandler(db, gateway),
    [SEARCH_SYNC_TOPIC]: searchSyncHandler((eventId) => searchEngine().syncEvent(eventId)),
  };
  return [
    { name: "outbox", intervalMs: 1_000, run: (client) => drainOutbox(client, outboxHandlers) },
    {
      name: "expire-holds",
      intervalMs: 15_000,
      run: async (client) => ({
        expired: await reclaimLapsedHolds(client, { now: new Date(), givesBackHeld: store.countsHeldInDatabase }),
      }),
    },
    { name: "expire-checkouts", intervalMs: 15_000, run: (client) => expireLapsedCheckouts(client, gateway) },
    // Windows of keys nobody tried lately (old addresses, mistyped e-mails); Redis expires its own.
    {
      name: "prune-rate-limits",
      intervalMs: 60_000,
      run: async (client) => ({ pruned: await pruneRateLimitWindows(client, new Date()) }),
    },
  ];
}
