import { afterAll, describe, expect, inject, it } from "vitest";
import { config } from "@/lib/config";
import { releaseOwnHold } from "@/lib/inventory/holds";
import { holdTickets } from "@/lib/orders/holds";
import { nodeRedisConnection } from "@/lib/redis/client";
import { buildServices } from "@/lib/services";
import { countingClient } from "../support/counting-client";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { REDIS_MISSING } from "../support/services";

// The on-sale's hot path in database statements, counted on a client that reports each one it sends
// (tests/support/counting-client.ts): every statement is a round trip the app process pays for in CPU, which
// is what `npm run bench` found to be its bottleneck (docs/performance.md).
const counting = countingClient();
const redisUrl = inject("redisUrl");
if (!redisUrl) throw new Error(REDIS_MISSING);
const redis = nodeRedisConnection(redisUrl);
afterAll(async () => {
  await counting.disconnect();
  await redis.close();
});

describe.each([
  { store: "redis", connection: () => redis, hold: 2, release: 1 },
  // Without Redis the fan's request-limit window is a row too (one statement; the address's is skipped here, the
  // call has no client address). Release: one transaction: the flip, the seats, COMMIT (Prisma does not report its BEGIN).
  { store: "postgres", connection: () => null, hold: 3, release: 3 },
])("the hold path on the $store store", ({ connection, hold, release }) => {
  it(`takes ${hold} statements to hold two seats and ${release} to release them`, async () => {
    const services = buildServices({ config: config(), db: counting.db, redis: connection() });
    const { event, seats } = await createSaleEvent({ seatCount: 4 });
    const { user } = await createUserWithToken("FAN");
    const input = { seatIds: [seats[0]!.id, seats[1]!.id] };

    // Through the waiting room's gate too: an event without one costs it nothing.
    const held = await counting.statementsOf(() =>
      holdTickets(services, { userId: user.id, eventId: event.id, input }),
    );
    expect(held.result.items).toHaveLength(2);
    expect(held.count).toBe(hold);
    const released = await counting.statementsOf(() =>
      releaseOwnHold(services.db, services.holds, { holdId: held.result.holdId, userId: user.id }),
    );
    expect(released.result).toMatchObject({ released: true, pendingOrderIds: [] });
    expect(released.count).toBe(release);
  });
});
