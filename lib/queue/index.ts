import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { RedisConnection } from "@/lib/redis/client";
import { postgresQueueStore } from "./postgres-store";
import { redisQueueStore } from "./redis-store";
import type { QueueStore } from "./store";

/** The queue store for a deployment: Redis when a connection is configured, PostgreSQL otherwise (as holds). */
export function queueStoreFor(redis: RedisConnection | null, db: DbOrTx): QueueStore {
  return redis ? redisQueueStore(redis) : postgresQueueStore(db);
}
