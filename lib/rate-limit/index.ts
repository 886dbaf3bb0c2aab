import "server-only";
import type { RateLimiter, RateLimitRule } from "./limiter";

export { createRateLimiter, type RateLimitCheck, type RateLimiter, type RateLimitRule } from "./limiter";

/** One attempt against `key` under a per-key limit (e.g. per user and action); 429 over it. */
export async function enforceRateLimit(
  { rateLimiter }: { rateLimiter: RateLimiter },
  options: { key: string } & RateLimitRule,
): Promise<void> {
  await rateLimiter.take({ key: options.key, rule: { limit: options.limit, windowSeconds: options.windowSeconds } });
}
