import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RedisConnection } from "@/lib/redis/client";

// INCR and set the window's expiry on first use, atomically.
const FIXED_WINDOW_SCRIPT = `
local count = redis.call("INCR", KEYS[1])
if count == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return { count, redis.call("PTTL", KEYS[1]) }`;

/**
 * A fixed-window limit per key (e.g. per user and action): Redis when it is
 * configured, PostgreSQL otherwise. Over the limit: 429 with Retry-After seconds in details.
 */
export async function enforceRateLimit(
  { db, redis }: { db: Db; redis: RedisConnection | null },
  options: { key: string; limit: number; windowSeconds: number },
) {
  let count: number;
  let retryAfterMs: number;
  if (redis) {
    const [n, ttl] = (await redis.eval(
      FIXED_WINDOW_SCRIPT,
      [`rl:${options.key}`],
      [String(options.windowSeconds * 1000)],
    )) as [number, number];
    count = Number(n);
    retryAfterMs = Number(ttl);
  } else {
    const window = `${options.windowSeconds} seconds`;
    const [row] = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
      INSERT INTO rate_limit_buckets (key, count, "resetAt") VALUES (${options.key}, 1, now() + ${window}::interval)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limit_buckets."resetAt" <= now() THEN 1 ELSE rate_limit_buckets.count + 1 END,
        "resetAt" = CASE WHEN rate_limit_buckets."resetAt" <= now() THEN now() + ${window}::interval ELSE rate_limit_buckets."resetAt" END
      RETURNING count, "resetAt"`;
    count = row!.count;
    retryAfterMs = row!.resetAt.getTime() - Date.now();
  }
  if (count > options.limit) {
    throw new AppError("RATE_LIMITED", "Too many requests. Try again in a moment.", {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
}
