import "server-only";
import type { RedisConnection } from "@/lib/redis/client";
import type { RateLimitStore } from "./store";

/**
 * Sliding windows in Redis: one sorted set per key, `rl:<key>`, members `<ms>:<id>` scored by ms.
 *
 * A sorted-set log rather than the two-counter approximation: it is exact (a burst straddling two
 * fixed windows cannot get twice the limit in, nor does a weighted guess refuse early), it costs at
 * most `limit` members per key (tens for our rules), and it can give one hit back by its member,
 * which a counter cannot do for the right window. One Lua script keeps prune, count and add atomic.
 * Times are the application's clock (ARGV), exactly as in the PostgreSQL store; Redis's own clock
 * only drives the key's TTL, which is garbage collection, never the decision.
 */
const TAKE = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%d', now - window))
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, string.format('%d', now), member)
  redis.call('PEXPIRE', key, string.format('%d', window))
  return {1}
end
-- Full: the (count - limit + 1)th oldest hit has to leave before another fits.
local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
return {0, blocking[2]}`;

export function redisRateLimitStore(redis: RedisConnection): RateLimitStore {
  const redisKey = (key: string) => `rl:${key}`;
  return {
    async take(key, { hit, windowMs, limit }) {
      const reply = (await redis.eval(
        TAKE,
        [redisKey(key)],
        [String(hit.at), String(windowMs), String(limit), `${hit.at}:${hit.id}`],
      )) as [number, string?];
      if (Number(reply[0]) === 1) return { allowed: true };
      return { allowed: false, retryAfterMs: Math.max(1, Number(reply[1]) + windowMs - hit.at) };
    },

    async giveBack(key, hit) {
      await redis.eval("return redis.call('ZREM', KEYS[1], ARGV[1])", [redisKey(key)], [`${hit.at}:${hit.id}`]);
    },
  };
}
