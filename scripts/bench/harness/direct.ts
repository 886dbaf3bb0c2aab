// The bench's own handle on the stores (holds and the waiting room), built as the app builds them (buildServices from lib/services.ts), for the
// store-only run and the checks after each store's run. Imported after index.ts has pointed process.env at the bench's
// services: lib/services loads lib/db, which reads the configuration when it is first imported.
import type { Db } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import type { QueueStore } from "@/lib/queue/store";
import type { StoreName } from "./options";
import type { Services } from "./stack";

export type Direct = { db: Db; holds: HoldStore; queue: QueueStore; close: () => Promise<void> };

export async function directServices(services: Services, store: StoreName, poolSize = 10): Promise<Direct> {
  const { parseConfig } = await import("@/lib/config");
  const { createPrismaClient } = await import("@/lib/db-client");
  const { buildServices } = await import("@/lib/services");
  const config = parseConfig({
    DATABASE_URL: services.databaseUrl,
    AUTH_SECRET: "bench-secret-that-is-at-least-32-characters",
    PAYMENT_PROVIDER: "simulator",
    LOG_LEVEL: "warn",
    ...(store === "redis" ? { REDIS_URL: services.redisUrl } : {}),
  });
  const db = createPrismaClient(services.databaseUrl, poolSize);
  const built = buildServices({ config, db });
  if (built.holds.kind !== store) throw new Error(`Expected the ${store} hold store, got ${built.holds.kind}`);
  return {
    db,
    holds: built.holds,
    queue: built.queue,
    close: async () => {
      await built.redis?.close();
      await db.$disconnect();
    },
  };
}
