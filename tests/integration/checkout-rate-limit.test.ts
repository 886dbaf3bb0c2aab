import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { log } from "@/lib/log";
import { startCheckout } from "@/lib/orders/checkout";
import { holdTickets } from "@/lib/orders/holds";
import { checkoutSessionMeter } from "@/lib/payments/checkout-meter";
import { SIMULATOR_WEBHOOK_SECRET } from "@/lib/payments/signing";
import { STRIPE_RATE_LIMIT_ERROR, simulatorGateway } from "@/lib/payments/simulator";
import { createRateLimiter } from "@/lib/rate-limit";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";

const FANS = 40;

/** `FANS` fans, each holding one seat of the same event. */
async function fansWithHolds() {
  const event = await createSaleEvent({ seatCount: FANS, perOrderLimit: 1 });
  return Promise.all(
    event.seats.map(async (seat) => {
      const { user } = await createUserWithToken("FAN");
      const hold = await holdTickets(services(), {
        userId: user.id,
        eventId: event.event.id,
        input: { seatIds: [seat.id] },
      });
      return { userId: user.id, holdId: hold.holdId };
    }),
  );
}

/**
 * A simulated Stripe account and the app instances in front of it, each metering with its own limiter
 * object over the shared store. The account and the meter key are this test's own, so other test files'
 * checkouts neither use up nor see these windows; both clocks stand still unless the test moves them.
 */
function deployment(options: { meterPerSecond: number; instances: number }) {
  let meterNow = Date.now();
  let accountNow = Date.now();
  const simulator = simulatorGateway({
    db,
    appUrl: "http://localhost:3000",
    secret: SIMULATOR_WEBHOOK_SECRET,
    deliver: async () => undefined,
    account: `acct_${randomUUID()}`,
    clock: () => new Date(accountNow),
  });
  const answers = vi.spyOn(simulator.api, "createCheckoutSession");
  const provider = `simulator-${randomUUID()}`;
  const instances = Array.from({ length: options.instances }, () => ({
    ...services(),
    gateway: simulator.gateway,
    simulator,
    checkoutMeter: checkoutSessionMeter({
      rateLimiter: createRateLimiter({ db, redis: null, clock: { now: () => new Date(meterNow) } }),
      provider,
      perSecond: options.meterPerSecond,
    }),
  }));
  return {
    instances,
    /** What the simulated provider answered, in order: 200 or Stripe's 429. */
    providerStatuses: async () => Promise.all(answers.mock.results.map(async (r) => (await r.value).status)),
    nextSecond: () => {
      meterNow += 1_000;
      accountNow += 1_000;
    },
  };
}

async function settle<T>(work: Promise<T>) {
  try {
    return { ok: true as const, value: await work };
  } catch (error) {
    return { ok: false as const, error };
  }
}

const busy = {
  code: "RATE_LIMITED",
  status: 429,
  message: "Busy, try again in 1 second.",
  details: { retryAfterSeconds: 1 },
};

describe("the payment provider's Checkout Session limit", () => {
  it("lets 25 a second reach the provider across two instances and tells the rest to come back, leaving no order", async () => {
    const fans = await fansWithHolds();
    const { instances, providerStatuses, nextSecond } = deployment({ meterPerSecond: 25, instances: 2 });

    const results = await Promise.all(
      fans.map((fan, i) => settle(startCheckout(instances[i % 2]!, { userId: fan.userId, holdId: fan.holdId }))),
    );

    const refused = fans.filter((_, i) => !results[i]!.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    expect(refused).toHaveLength(FANS - 25);
    for (const result of results) if (!result.ok) expect(result.error).toMatchObject(busy);
    // Only what the meter let through reached the provider, and it refused nothing.
    expect(await providerStatuses()).toEqual(Array(25).fill(200));
    // A refused fan has no PENDING order (it would block unpublishing) and keeps the hold.
    expect(await db.order.count({ where: { holdId: { in: refused.map((f) => f.holdId) } } })).toBe(0);

    // The API answers 429 with Retry-After, as every rate limit does.
    const response = errorResponse((results.find((r) => !r.ok) as { error: AppError }).error, log, "req");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");

    nextSecond();
    const again = await startCheckout(instances[0]!, { userId: refused[0]!.userId, holdId: refused[0]!.holdId });
    expect(again.checkoutUrl).toMatch(/\/checkout\/simulator\/cs_test_sim_/);
  });

  it("is enforced by the simulator itself as Stripe does (429 rate_limit), which fans also see as busy", async () => {
    const fans = await fansWithHolds();
    // A meter set above the account's real limit: the provider's own limit is what stops the burst.
    const { instances, providerStatuses, nextSecond } = deployment({ meterPerSecond: 1_000, instances: 1 });

    const results = await Promise.all(
      fans.map((fan) => settle(startCheckout(instances[0]!, { userId: fan.userId, holdId: fan.holdId }))),
    );

    const statuses = await providerStatuses();
    expect(statuses.filter((s) => s === 200)).toHaveLength(25);
    expect(statuses.filter((s) => s === 429)).toHaveLength(FANS - 25);
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    for (const result of results) if (!result.ok) expect(result.error).toMatchObject(busy);

    // Retried a second later, a refused checkout goes through with the order it already made.
    const refused = fans.find((_, i) => !results[i]!.ok)!;
    nextSecond();
    const again = await startCheckout(instances[0]!, { userId: refused.userId, holdId: refused.holdId });
    expect(await db.order.count({ where: { holdId: refused.holdId } })).toBe(1);
    expect(again.orderId).toBe((await db.order.findFirstOrThrow({ where: { holdId: refused.holdId } })).id);
  });

  it("answers over its limit with Stripe's status and error body", async () => {
    expect(STRIPE_RATE_LIMIT_ERROR).toEqual({
      status: 429,
      body: {
        error: {
          type: "invalid_request_error",
          code: "rate_limit",
          message: expect.stringContaining("rate limit"),
          doc_url: "https://stripe.com/docs/error-codes/rate-limit",
        },
      },
    });
  });
});
