import "server-only";
import { config } from "@/lib/config";
import { redisConnection } from "@/lib/redis/client";
import type { HoldStore } from "./hold-store";
import { postgresHoldStore } from "./postgres-hold-store";
import { redisHoldStore } from "./redis-hold-store";

let store: HoldStore | undefined;

/** The hold store this process uses: Redis when configured, PostgreSQL otherwise. */
export function holdStore(): HoldStore {
  const redis = redisConnection(config());
  store ??= redis ? redisHoldStore(redis) : postgresHoldStore;
  return store;
}
