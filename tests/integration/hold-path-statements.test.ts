import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { releaseOwnHold } from "@/lib/inventory/holds";
import { holdTickets } from "@/lib/orders/holds";
import { nodeRedisConnection } from "@/lib/redis/client";
import { buildServices } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { REDIS_MISSING } from "../support/services";

// The on-sale's hot path in database statements, counted on a client that reports each one it sends
// (COMMIT included): every statement is a round trip the app process pays for in CPU, which
// is what `npm run bench` found to be its bottleneck (docs/performance.md).
const statements: string[] = [];
const counting = new PrismaClient({
  adapter: new PrismaPg({ connectionString: config().DATABASE_URL, max: 5 }),
  log: [{ emit: "event", level: "query" }],
  omit: { user: { passwordHash: true } },
});
counting.$on("query", (event) => statements.push(event.query));
const redisUrl = inject("redisUrl");
if (!redisUrl) throw new Error(REDIS_MISSING);
const redis = nodeRedisConnection(redisUrl);
afterAll(async () => {
  await counting.$disconnect();
  await redis.close();
});

async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; count: number }> {
  statements.length = 0;
  const result = await work();
  return { result, count: statements.length };
}

describe.each([
  { store: "redis", connection: () => redis, hold: 2, release: 1 },
  // One transaction: the flip, the seats, COMMIT (Prisma does not report its BEGIN).
  { store: "postgres", connection: () => null, hold: 2, release: 3 },
])("the hold path on the $store store", ({ connection, hold, release }) => {
  it(`takes ${hold} statements to hold two seats and ${release} to release them`, async () => {
    const services = buildServices({ config: config(), db: counting as unknown as Db, redis: connection() });
    const { event, seats } = await createSaleEvent({ seatCount: 4 });
    const { user } = await createUserWithToken("FAN");
    const input = { seatIds: [seats[0]!.id, seats[1]!.id] };

    // Through the waiting room's gate too: an event without one costs it nothing.
    const held = await statementsOf(() => holdTickets(services, { userId: user.id, eventId: event.id, input }));
    expect(held.result.items).toHaveLength(2);
    expect(held.count).toBe(hold);
    const released = await statementsOf(() =>
      releaseOwnHold(services.db, services.holds, { holdId: held.result.holdId, userId: user.id }),
    );
    expect(released.result).toMatchObject({ released: true, pendingOrderIds: [] });
    expect(released.count).toBe(release);
  });
});
