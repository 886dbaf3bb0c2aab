import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { redisQueueStore } from "@/lib/queue/redis-store";
import { upstashConnection, type RedisConnection } from "@/lib/redis/client";
import { REDIS_MISSING } from "../support/services";
import { startUpstashBridge } from "../support/upstash-bridge";
import { queueStoreContract } from "./queue-store.contract";

const token = randomUUID();
let bridge: Awaited<ReturnType<typeof startUpstashBridge>> | undefined;
let connection: RedisConnection | undefined;

// Upstash's client JSON-parses replies (ids, ranks and times come back as numbers): the same suite over its REST API.
beforeAll(async () => {
  const redisUrl = inject("redisUrl");
  if (!redisUrl) throw new Error(REDIS_MISSING);
  bridge = await startUpstashBridge(redisUrl, token);
  connection = upstashConnection(bridge.url, token);
});

afterAll(async () => {
  await connection?.close();
  await bridge?.close();
});

queueStoreContract("Redis (Upstash REST)", () => {
  if (!connection) throw new Error(REDIS_MISSING);
  return redisQueueStore(connection);
});
