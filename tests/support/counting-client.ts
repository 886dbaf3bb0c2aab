import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A database client of its own that reports every statement it sends (COMMIT included; Prisma does not
 * report its BEGIN), so a test counts real round trips. Disconnect it in the test file's afterAll.
 */
export function countingClient() {
  const statements: string[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: config().DATABASE_URL, max: 5 }),
    log: [{ emit: "event", level: "query" }],
    omit: { user: { passwordHash: true } },
  });
  client.$on("query", (event) => statements.push(event.query));
  return {
    db: client as unknown as Db,
    disconnect: () => client.$disconnect(),
    /** How many statements `work` sent, and what it returned. */
    async statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; count: number }> {
      statements.length = 0;
      const result = await work();
      return { result, count: statements.length };
    },
  };
}
