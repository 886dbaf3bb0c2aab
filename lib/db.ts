import "server-only";
import { config } from "@/lib/config";
import { createPrismaClient, type Db } from "@/lib/db-client";

export type { Db, DbOrTx, Tx } from "@/lib/db-client";

// One client per process; Next's dev server re-evaluates modules on every
// edit, so keep it on globalThis instead of opening a new pool each time.
const globalForDb = globalThis as unknown as { marqueeDb?: Db };

export const db: Db = (globalForDb.marqueeDb ??= createPrismaClient(
  config().DATABASE_URL,
  config().DATABASE_POOL_SIZE,
));
