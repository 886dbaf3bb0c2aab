import "server-only";
import type { RedisConnection } from "@/lib/redis/client";
import type { HoldStore } from "./hold-store";
import { postgresHoldStore } from "./postgres-hold-store";
import { redisHoldStore } from "./redis-hold-store";

/** The hold store for a deployment: Redis when a connection is configured, PostgreSQL otherwise. */
export function holdStoreFor(redis: RedisConnection | null): HoldStore {
  return redis ? redisHoldStore(redis) : postgresHoldStore;
}
