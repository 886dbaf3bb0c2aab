import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Clock, RateLimiter } from "@/lib/rate-limit/limiter";

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse("2026-06-01T12:00:00Z")): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

const rule = (limit: number, windowSeconds = 60) => ({ limit, windowSeconds });
const key = () => `test:${randomUUID()}`;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("RATE_LIMITED");
  return error as AppError;
}

const retryAfter = (error: AppError) => (error.details as { retryAfterSeconds: number }).retryAfterSeconds;

/** What every rate-limit store must do, with a limiter built on it and a clock the test controls. */
export function rateLimiterContract(name: string, make: (clock: Clock) => RateLimiter) {
  describe(`rate limiter (${name})`, () => {
    it("lets the limit in, then refuses with the exact wait until the oldest attempt leaves", async () => {
      const clock = manualClock();
      const limiter = make(clock);
      const k = key();
      await limiter.take({ key: k, rule: rule(3) });
      clock.advance(10_000);
      await limiter.take({ key: k, rule: rule(3) });
      await limiter.take({ key: k, rule: rule(3) });
      const error = await refusal(limiter.take({ key: k, rule: rule(3) }));
      expect(retryAfter(error)).toBe(50);
      expect(error.message).toBe("Too many attempts. Try again in 50 seconds.");
    });

    it("slides: attempts leave one by one, not all at a window boundary", async () => {
      const clock = manualClock();
      const limiter = make(clock);
      const k = key();
      await limiter.take({ key: k, rule: rule(2) }); // t = 0
      clock.advance(30_000);
      await limiter.take({ key: k, rule: rule(2) }); // t = 30 s
      clock.advance(29_999);
      await refusal(limiter.take({ key: k, rule: rule(2) })); // t ≈ 60 s: both still inside
      clock.advance(1);
      await limiter.take({ key: k, rule: rule(2) }); // t = 60 s: the first has left
      await refusal(limiter.take({ key: k, rule: rule(2) })); // the one from t = 30 s is still inside
      clock.advance(30_000);
      await limiter.take({ key: k, rule: rule(2) });
    });

    it("does not count refused attempts, so hammering does not extend the wait", async () => {
      const clock = manualClock();
      const limiter = make(clock);
      const k = key();
      await limiter.take({ key: k, rule: rule(1) });
      for (let i = 0; i < 5; i++) {
        clock.advance(10_000);
        await refusal(limiter.take({ key: k, rule: rule(1) }));
      }
      clock.advance(10_000);
      await limiter.take({ key: k, rule: rule(1) });
    });

    it("gives an attempt back, freeing its slot", async () => {
      const clock = manualClock();
      const limiter = make(clock);
      const k = key();
      const first = await limiter.take({ key: k, rule: rule(2) });
      await limiter.take({ key: k, rule: rule(2) }); // same millisecond: only one of the two may go
      await first.giveBack();
      await limiter.take({ key: k, rule: rule(2) });
      await refusal(limiter.take({ key: k, rule: rule(2) }));
    });

    it("takes from several windows all or none", async () => {
      const clock = manualClock();
      const limiter = make(clock);
      const [roomy, full] = [key(), key()];
      await limiter.take({ key: full, rule: rule(1) });
      await refusal(limiter.take({ key: roomy, rule: rule(1) }, { key: full, rule: rule(1) }));
      // The refused pair left nothing behind in the roomy window.
      await limiter.take({ key: roomy, rule: rule(1) });
    });

    it("counts concurrent attempts exactly", async () => {
      const limiter = make(manualClock());
      const k = key();
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => limiter.take({ key: k, rule: rule(5) })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "RATE_LIMITED" });
    });

    it("keeps keys apart", async () => {
      const limiter = make(manualClock());
      const [a, b] = [key(), key()];
      await limiter.take({ key: a, rule: rule(1) });
      await limiter.take({ key: b, rule: rule(1) });
      await refusal(limiter.take({ key: a, rule: rule(1) }));
    });
  });
}
