import { createClient } from "redis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { redisQueueStore } from "@/lib/queue/redis-store";
import { nodeRedisConnection, type RedisConnection } from "@/lib/redis/client";
import { REDIS_MISSING } from "../support/services";
import { createQueueEvent } from "../support/queue-fixtures";
import { queueStoreContract } from "./queue-store.contract";

let connection: RedisConnection | undefined;

function store() {
  const url = inject("redisUrl");
  if (!url) throw new Error(REDIS_MISSING);
  connection ??= nodeRedisConnection(url);
  return redisQueueStore(connection);
}

afterAll(async () => {
  await connection?.close();
});

queueStoreContract("Redis (node-redis)", store);

describe("Redis queue store", () => {
  it("keeps every key of an event's room under its hash tag, each expiring", async () => {
    const { eventId, userIds } = await createQueueEvent(3);
    const now = new Date();
    for (const userId of userIds) await store().join({ eventId, userId, now, lobby: false, lobbyRank: 0 });
    await store().admit(eventId, { count: 1, now, windowMs: 60_000 });
    await store().setControl(eventId, { paused: true });

    const raw = createClient({ url: inject("redisUrl")! });
    await raw.connect();
    try {
      const keys: string[] = [];
      for await (const batch of raw.scanIterator({ MATCH: `*${eventId}*`, COUNT: 1000 })) keys.push(...batch);
      // line, live, admitted, seq, control and one hash per fan.
      expect(keys).toHaveLength(8);
      for (const key of keys) {
        expect(key.startsWith(`{evt:${eventId}}:q:`)).toBe(true);
        expect(await raw.pTTL(key)).toBeGreaterThan(0);
      }
    } finally {
      raw.destroy();
    }
  });
});
