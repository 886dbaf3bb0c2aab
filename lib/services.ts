import "server-only";
import { config as processConfig, type Config } from "@/lib/config";
import { db as processDb, type Db } from "@/lib/db";
import { holdStoreFor } from "@/lib/inventory";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { seatStatusCache, type SeatStatusCache } from "@/lib/inventory/seat-status";
import { emailSenderFor } from "@/lib/notifications/email";
import type { EmailSender } from "@/lib/notifications/email/types";
import { handleStripeWebhook } from "@/lib/orders/webhooks/handle";
import { paymentsFor } from "@/lib/payments";
import { checkoutSessionMeter, type CheckoutSessionMeter } from "@/lib/payments/checkout-meter";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { Simulator } from "@/lib/payments/simulator";
import { queueStoreFor } from "@/lib/queue";
import { arrivalMeter, type ArrivalMeter } from "@/lib/queue/arrival-meter";
import type { QueueStore } from "@/lib/queue/store";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { refusalRecorder, type RefusalRecorder } from "@/lib/refusals/recorder";
import { redisConnectionFor, sharedRedisConnection, type RedisConnection } from "@/lib/redis/client";
import { searchEngineFor } from "@/lib/search";
import type { SearchEngine } from "@/lib/search/engine";
import { uploadStoreFor } from "@/lib/uploads";
import type { UploadStore } from "@/lib/uploads/store";

/**
 * Everything a request, a server action or a worker job may need, built in
 * one place. Domain functions take the parts they use as arguments (their
 * parameter types name the same fields), so entry points pass `services()`
 * and tests pass parts of their own.
 */
export type Services = {
  config: Config;
  db: Db;
  redis: RedisConnection | null;
  holds: HoldStore;
  /** Waiting rooms of events that have one switched on: PostgreSQL, or Redis beside the holds. */
  queue: QueueStore;
  /** This process's count of hold attempts per event, which switches a room on in a rush. */
  arrivals: ArrivalMeter;
  /** This process's seat-status snapshots for the poll endpoint (one read per event per second). */
  seatStatus: SeatStatusCache;
  rateLimiter: RateLimiter;
  /** Counts refused purchase attempts in memory and writes them every few seconds (lib/refusals). */
  refusals: RefusalRecorder;
  gateway: PaymentGateway;
  /** Keeps Checkout Session creations under CHECKOUT_SESSIONS_PER_SECOND across instances. */
  checkoutMeter: CheckoutSessionMeter;
  /** The local payment simulator, or null while Stripe takes the payments. */
  simulator: Simulator | null;
  webhookSecret: string;
  search: SearchEngine;
  email: EmailSender;
  /** Uploaded files (event images). */
  uploads: UploadStore;
  clock: () => Date;
  appUrl: string;
};

export function buildServices(parts: {
  config: Config;
  db: Db;
  clock?: () => Date;
  redis?: RedisConnection | null;
}): Services {
  const { config, db } = parts;
  const redis = parts.redis === undefined ? redisConnectionFor(config) : parts.redis;
  const holds = holdStoreFor(redis);
  const clock = parts.clock ?? (() => new Date());
  // The simulator delivers its signed events to the same intake as Stripe's
  // webhooks; the late binding lets the intake use the gateway built here.
  const payments = paymentsFor(config, {
    db,
    deliver: async (rawBody, signature) => void (await handleStripeWebhook(built, rawBody, signature)),
  });
  const rateLimiter = createRateLimiter({ db, redis, clock: { now: clock } });
  const built: Services = {
    config,
    db,
    redis,
    holds,
    queue: queueStoreFor(redis, db),
    arrivals: arrivalMeter({
      perSecondLimit: config.QUEUE_AUTO_ON_ARRIVALS_PER_SECOND ?? config.CHECKOUT_SESSIONS_PER_SECOND,
    }),
    seatStatus: seatStatusCache(),
    rateLimiter,
    refusals: refusalRecorder({ db, clock }),
    ...payments,
    checkoutMeter: checkoutSessionMeter({
      rateLimiter,
      provider: payments.gateway.kind,
      perSecond: config.CHECKOUT_SESSIONS_PER_SECOND,
    }),
    search: searchEngineFor(config, db),
    email: emailSenderFor(config, db),
    uploads: uploadStoreFor(config),
    clock,
    appUrl: config.APP_URL,
  };
  return built;
}

// One set per process. Next's dev server re-evaluates modules on every edit,
// so it lives on globalThis (as the Prisma client does) to keep one Redis connection.
const globalForServices = globalThis as unknown as { marqueeServices?: Services };

/** This process's services, built from the validated configuration on first use. */
export function services(): Services {
  const config = processConfig();
  if (!globalForServices.marqueeServices) {
    const built = buildServices({ config, db: processDb, redis: sharedRedisConnection(config) });
    globalForServices.marqueeServices = built;
    // The refusal counts not yet written go out when the server is told to stop. Next.js exits once
    // open requests are done, which one statement normally beats; a crash loses them (docs/architecture.md).
    // Only beside a handler already there (Next's, the worker's): a listener of ours alone would
    // take away the signal's default, exiting, from a script that has none.
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      if (process.listenerCount(signal) > 0) {
        process.once(signal, () => void built.refusals.stop().catch(() => undefined));
      }
    }
  }
  return globalForServices.marqueeServices;
}
