import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { enforceRateLimit } from "@/lib/rate-limit";
import { services } from "@/lib/services";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { pruneRateLimitWindows } from "@/lib/rate-limit/postgres-store";
import { nodeRedisConnection, upstashConnection, type RedisConnection } from "@/lib/redis/client";
import { REDIS_MISSING } from "../support/services";
import { startUpstashBridge } from "../support/upstash-bridge";
import { manualClock, rateLimiterContract } from "./rate-limit.contract";

let redis: RedisConnection | undefined;
let upstash: RedisConnection | undefined;
let bridge: Awaited<ReturnType<typeof startUpstashBridge>> | undefined;

beforeAll(async () => {
  const redisUrl = inject("redisUrl");
  if (!redisUrl) throw new Error(REDIS_MISSING);
  redis = nodeRedisConnection(redisUrl);
  const token = randomUUID();
  bridge = await startUpstashBridge(redisUrl, token);
  upstash = upstashConnection(bridge.url, token);
});

afterAll(async () => {
  await redis?.close();
  await upstash?.close();
  await bridge?.close();
});

rateLimiterContract("PostgreSQL", (clock) => createRateLimiter({ db, redis: null, clock }));
rateLimiterContract("Redis", (clock) => createRateLimiter({ db, redis: redis!, clock }));
rateLimiterContract("Redis (Upstash REST)", (clock) => createRateLimiter({ db, redis: upstash!, clock }));

describe("rate limits in PostgreSQL", () => {
  it("prunes windows whose attempts have all left", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ db, redis: null, clock });
    const key = `test:${randomUUID()}`;
    await limiter.take({ key, rule: { limit: 3, windowSeconds: 60 } });
    await pruneRateLimitWindows(db, new Date(clock.now().getTime() + 59_000));
    expect(await db.rateLimitWindow.count({ where: { key } })).toBe(1);
    await pruneRateLimitWindows(db, new Date(clock.now().getTime() + 60_000));
    expect(await db.rateLimitWindow.count({ where: { key } })).toBe(0);
  });

  it("keeps the holds route's per-key call working", async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await enforceRateLimit(services(), { key, limit: 3, windowSeconds: 60 });
    await expect(enforceRateLimit(services(), { key, limit: 3, windowSeconds: 60 })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });
});
