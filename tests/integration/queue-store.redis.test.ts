import { afterAll, inject } from "vitest";
import { redisQueueStore } from "@/lib/queue/redis-store";
import { nodeRedisConnection, type RedisConnection } from "@/lib/redis/client";
import { REDIS_MISSING } from "../support/services";
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
