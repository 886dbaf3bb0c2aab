import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RedisConnection } from "@/lib/redis/client";
import { postgresRateLimitStore } from "./postgres-store";
import { redisRateLimitStore } from "./redis-store";
import type { Hit, RateLimitStore } from "./store";

/** At most `limit` attempts in any `windowSeconds`-long stretch of time (a sliding window). */
export type RateLimitRule = { limit: number; windowSeconds: number };

/** One window to take an attempt from: `key` is namespaced by the caller, e.g. `signin:ip:203.0.113.7`. */
export type RateLimitCheck = { key: string; rule: RateLimitRule };

/** Attempts taken from one or more windows; giving them back makes them not count. */
export type TakenAttempt = { giveBack(): Promise<void> };

export type Clock = { now(): Date };

export interface RateLimiter {
  /**
   * Takes one attempt from every window, all or none. When any is full, the attempts already taken
   * are given back and it throws `AppError("RATE_LIMITED", …, { retryAfterSeconds })`.
   */
  take(...checks: RateLimitCheck[]): Promise<TakenAttempt>;
}

const MAX_KEY_LENGTH = 200;

export function createRateLimiter(deps: { db: DbOrTx; redis: RedisConnection | null; clock?: Clock }): RateLimiter {
  const store: RateLimitStore = deps.redis ? redisRateLimitStore(deps.redis) : postgresRateLimitStore(deps.db);
  const clock = deps.clock ?? { now: () => new Date() };
  return {
    async take(...checks) {
      const hit: Hit = { at: clock.now().getTime(), id: randomUUID() };
      const taken: string[] = [];
      const giveBack = () => Promise.all(taken.map((key) => store.giveBack(key, hit))).then(() => undefined);
      for (const { key, rule } of checks) {
        assertValid(key, rule);
        const result = await store.take(key, { hit, windowMs: rule.windowSeconds * 1000, limit: rule.limit });
        if (!result.allowed) {
          await giveBack();
          throw rateLimited(result.retryAfterMs);
        }
        taken.push(key);
      }
      return { giveBack };
    },
  };
}

export function rateLimited(retryAfterMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const seconds = `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`;
  return new AppError("RATE_LIMITED", `Too many attempts. Try again in ${seconds}.`, {
    retryAfterSeconds,
  });
}

function assertValid(key: string, rule: RateLimitRule) {
  // Programming errors, not client errors: keys are built by our code (long parts hashed first).
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw new Error(`rate-limit key of ${key.length} characters`);
  if (!Number.isInteger(rule.limit) || rule.limit < 1 || !(rule.windowSeconds > 0)) {
    throw new Error(`invalid rate-limit rule ${JSON.stringify(rule)}`);
  }
}
