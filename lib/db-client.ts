import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The client factory, free of configuration so scripts and tests can point it
// at any database. Application code uses the singleton in lib/db.ts.
export function createPrismaClient(connectionString: string, poolSize = 10) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 }),
    // Password hashes leave the database only where lib/auth asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** A transaction handle, as given to the callback of `db.$transaction`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction: what domain functions that write accept. */
export type DbOrTx = Db | Tx;
