import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { redisConnection } from "@/lib/redis/client";
import { createRateLimiter, type RateLimiter, type RateLimitRule } from "./limiter";

export { createRateLimiter, type RateLimiter, type RateLimitRule } from "./limiter";

let limiter: RateLimiter | undefined;

/**
 * This process's rate limiter: Redis when configured, PostgreSQL otherwise. Built from the
 * process-wide db and Redis connection until the composition root (`services()`) owns it.
 */
export function rateLimiter(): RateLimiter {
  limiter ??= createRateLimiter({ db, redis: redisConnection(config()) });
  return limiter;
}

/** One attempt against `key` under a per-key limit (e.g. per user and action); 429 over it. */
export async function enforceRateLimit(options: { key: string } & RateLimitRule): Promise<void> {
  await rateLimiter().take({ key: options.key, rule: { limit: options.limit, windowSeconds: options.windowSeconds } });
}
