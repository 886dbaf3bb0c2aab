import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enforcePurchaseLimits, PURCHASE_LIMITS } from "@/lib/orders/purchase-limits";
import { createRateLimiter } from "@/lib/rate-limit/limiter";

// The limits in front of holds and checkout, on the PostgreSQL rate-limit store (the Redis one passes the
// same contract: rate-limit.contract.ts). Each test uses fresh fans and addresses, so runs never collide.
function limiter() {
  let now = Date.now();
  return {
    rateLimiter: createRateLimiter({ db, redis: null, clock: { now: () => new Date(now) } }),
    advance: (ms: number) => void (now += ms),
  };
}

async function outcome(work: Promise<void>) {
  try {
    await work;
    return "ok";
  } catch (error) {
    const { code, details } = error as { code: string; details: { retryAfterSeconds: number } };
    return `${code} ${details.retryAfterSeconds}s`;
  }
}

describe("purchase limits", () => {
  it("holds: 20 a minute per fan, wherever they come from, then 429 until the minute has passed", async () => {
    const { rateLimiter, advance } = limiter();
    const userId = randomUUID();
    for (let i = 0; i < PURCHASE_LIMITS.hold.perFan.limit; i++) {
      await enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId, clientIp: `198.51.100.${i}` });
    }
    expect(await outcome(enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId, clientIp: null }))).toBe(
      "RATE_LIMITED 60s",
    );
    advance(60_001);
    expect(await outcome(enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId, clientIp: null }))).toBe(
      "ok",
    );
  });

  it("holds: many fans' worth per address, then that address waits while others go on", async () => {
    const { rateLimiter } = limiter();
    const address = `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;
    const fans = Array.from({ length: PURCHASE_LIMITS.hold.perAddress.limit / 10 }, () => randomUUID());
    for (const userId of fans) {
      for (let i = 0; i < 10; i++)
        await enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId, clientIp: address });
    }
    const newcomer = randomUUID();
    expect(
      await outcome(enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId: newcomer, clientIp: address })),
    ).toMatch(/^RATE_LIMITED \d+s$/);
    // Another address of the same /64 is the same block.
    const sameBlock = address.replace(/::1$/, "::2");
    expect(
      await outcome(enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId: newcomer, clientIp: sameBlock })),
    ).toMatch(/^RATE_LIMITED/);
    // The refused attempts were given back to the fan's own window: they did not count against them.
    expect(
      await outcome(
        enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId: newcomer, clientIp: "192.0.2.1" }),
      ),
    ).toBe("ok");
  });

  it("checkout: 10 a minute per fan, counted apart from holds", async () => {
    const { rateLimiter } = limiter();
    const userId = randomUUID();
    for (let i = 0; i < PURCHASE_LIMITS.checkout.perFan.limit; i++) {
      await enforcePurchaseLimits({ rateLimiter }, { action: "checkout", userId, clientIp: null });
    }
    expect(await outcome(enforcePurchaseLimits({ rateLimiter }, { action: "checkout", userId, clientIp: null }))).toBe(
      "RATE_LIMITED 60s",
    );
    expect(await outcome(enforcePurchaseLimits({ rateLimiter }, { action: "hold", userId, clientIp: null }))).toBe(
      "ok",
    );
  });
});
