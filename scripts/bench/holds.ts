// Hold throughput without HTTP: each hold store's one-call `place`, the whole domain function `createHold` on top
// of it, and for the Redis store the two ways PostgreSQL can learn of a hold (one insert after the script, or a
// write-behind: the script also appends the hold to a Redis stream that a worker drains in batches). One throwaway
// PostgreSQL and redis-server per run. How to read the output: docs/performance.md, "Holds".
// Usage: npm run bench:holds [-- --holds 4000 --concurrency 16]
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createPrismaClient, type Db } from "@/lib/db-client";
import type { HoldStore, PlaceRequest } from "@/lib/inventory/hold-store";
import { createHold } from "@/lib/inventory/holds";
import { postgresHoldStore } from "@/lib/inventory/postgres-hold-store";
import { redisHoldStore } from "@/lib/inventory/redis-hold-store";
import { PLACE, holdKeys } from "@/lib/inventory/redis/scripts";
import { nodeRedisConnection, type RedisConnection } from "@/lib/redis/client";
import { applyMigrations } from "@/scripts/support/migrations";
import { startRedisServer, startThrowawayPostgres } from "@/tests/support/services";

const { values } = parseArgs({
  options: { holds: { type: "string", default: "4000" }, concurrency: { type: "string", default: "16" } },
});
const HOLDS = Number(values.holds);
const CONCURRENCY = Number(values.concurrency);
const SEATS_PER_HOLD = 2;
const DRAIN_BATCH = 200;

type Sale = { eventId: string; reservedId: string; gaId: string; seats: string[]; fans: string[] };

/** An on-sale event with enough seats for every hold of a phase, and enough fans to stay under the limit. */
async function createSale(db: Db, seatCount: number, fanCount: number): Promise<Sale> {
  const tag = randomUUID().slice(0, 8);
  const [org] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO organizations (id, slug, name, "updatedAt") VALUES (${`org-${tag}`}, ${`org-${tag}`}, 'Bench', now())
    RETURNING id`;
  await db.$executeRaw`
    INSERT INTO venues (id, "organizationId", slug, name, address, city, country, "timeZone", latitude, longitude,
      "updatedAt")
    VALUES (${`venue-${tag}`}, ${org!.id}, ${`venue-${tag}`}, 'Bench Hall', '1 Road', 'Town', 'US', 'UTC', 0, 0, now())`;
  const eventId = `event-${tag}`;
  await db.$executeRaw`
    INSERT INTO events (id, "organizationId", "venueId", slug, title, description, performers, category, tags, status,
      "startsAt", "endsAt", "onSaleAt", "perOrderLimit", "holdMinutes", "updatedAt")
    VALUES (${eventId}, ${org!.id}, ${`venue-${tag}`}, ${eventId}, 'Bench', '', '{}', 'CONCERT', '{}', 'PUBLISHED',
      now() + interval '30 days', now() + interval '30 days 3 hours', now() - interval '1 day', 8, 10, now())`;
  const reservedId = `reserved-${tag}`;
  const gaId = `ga-${tag}`;
  await db.$executeRaw`
    INSERT INTO ticket_types (id, "eventId", name, kind, "priceMinor", "feeMinor", currency, capacity, "updatedAt")
    VALUES (${reservedId}, ${eventId}, 'Stalls', 'RESERVED', 5000, 500, 'USD', ${seatCount}, now()),
           (${gaId}, ${eventId}, 'Standing', 'GENERAL_ADMISSION', 2500, 300, 'USD', 1000000, now())`;
  await db.$executeRaw`
    INSERT INTO seats (id, "eventId", "ticketTypeId", section, row, number, x, y)
    SELECT ${tag} || '-' || lpad(n::text, 6, '0'), ${eventId}, ${reservedId}, 'A', (n / 100)::text, (n % 100)::text,
      n % 100, n / 100
    FROM generate_series(0, ${seatCount - 1}) n`;
  await db.$executeRaw`
    INSERT INTO users (id, email, name, "passwordHash", "updatedAt")
    SELECT ${tag} || '-fan-' || n, ${tag} || '-fan-' || n || '@bench.test', 'Fan', 'x', now()
    FROM generate_series(0, ${fanCount - 1}) n`;
  await db.$executeRaw`ANALYZE`;
  const seats = Array.from({ length: seatCount }, (_, n) => `${tag}-${String(n).padStart(6, "0")}`);
  const fans = Array.from({ length: fanCount }, (_, n) => `${tag}-fan-${n}`);
  return { eventId, reservedId, gaId, seats, fans };
}

/** Runs `count` operations with `concurrency` in flight; returns ops/s and latency percentiles in ms. */
async function measure(count: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        try {
          await op(i);
        } catch (error) {
          if (errors++ === 0) console.error(error);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { perSecond: Math.round(count / seconds), p50: pct(50), p99: pct(99), errors };
}

function placeRequest(sale: Sale, i: number, ga = false): PlaceRequest {
  const now = new Date();
  return {
    holdId: randomUUID(),
    eventId: sale.eventId,
    userId: sale.fans[i % sale.fans.length]!,
    now,
    expiresAt: new Date(now.getTime() + 10 * 60_000),
    perOrderLimit: 8,
    seats: ga
      ? []
      : sale.seats
          .slice(i * SEATS_PER_HOLD, (i + 1) * SEATS_PER_HOLD)
          .map((seatId) => ({ seatId, ticketTypeId: sale.reservedId })),
    generalAdmission: ga ? [{ ticketTypeId: sale.gaId, quantity: 2 }] : [],
    capacities: new Map([[sale.gaId, { capacity: 1_000_000, sold: 0 }]]),
  };
}

/** PLACE's keys and arguments, as the Redis store builds them, for the script-only runs. */
function placeCall(request: PlaceRequest) {
  const keys = holdKeys(request.eventId);
  return {
    keys: [...keys.fan(request.userId), keys.seatIndex, keys.gaTypes, ...request.seats.map((s) => keys.seat(s.seatId))],
    args: [
      "8",
      "0",
      String(request.seats.length),
      request.holdId,
      String(request.now.getTime()),
      String(request.expiresAt.getTime()),
      String(request.seats.length),
      ...request.seats.map((s) => s.seatId),
    ],
  };
}

// The write-behind variant: PLACE, then the hold appended to the event's stream in the same script.
const PLACE_AND_APPEND = PLACE.replace(
  /\nreturn \{ \{\}, \{\}, fanHeld, 0 \}\n$/,
  `
redis.call('XADD', KEYS[3] .. ':pending-holds', '*', 'hold', ARGV[4], 'user', KEYS[1], 'expires', ARGV[6])
return { {}, {}, fanHeld, 0 }
`,
);

async function main() {
  const pg = await startThrowawayPostgres("marquee_bench_holds");
  const redis = await startRedisServer();
  if (!redis) throw new Error("redis-server is not installed");
  await applyMigrations(pg.url);
  const db = createPrismaClient(pg.url, 20);
  const connection: RedisConnection = nodeRedisConnection(redis.url);
  const rows: [string, Awaited<ReturnType<typeof measure>>][] = [];
  const fanCount = Math.ceil(HOLDS / 2);
  const run = async (name: string, op: (sale: Sale) => (i: number) => Promise<unknown>) => {
    const sale = await createSale(db, HOLDS * SEATS_PER_HOLD, fanCount);
    // A short warm-up on a separate sale, so JIT and plan caches do not count against the first run.
    const warm = await createSale(db, 200 * SEATS_PER_HOLD, 100);
    await measure(200, CONCURRENCY, op(warm));
    const result = await measure(HOLDS, CONCURRENCY, op(sale));
    rows.push([name, result]);
    console.log(name.padEnd(58), JSON.stringify(result));
  };

  try {
    const stores: [string, HoldStore][] = [
      ["redis", redisHoldStore(connection)],
      ["postgres", postgresHoldStore],
    ];
    await run("redis: PLACE script only (seats)", (sale) => (i) => {
      const call = placeCall(placeRequest(sale, i));
      return connection.eval(PLACE, call.keys, call.args);
    });
    await run("redis: PLACE + XADD to a stream (write-behind, request path)", (sale) => (i) => {
      const call = placeCall(placeRequest(sale, i));
      return connection.eval(PLACE_AND_APPEND, call.keys, call.args);
    });
    for (const [kind, store] of stores) {
      await run(`${kind}: store.place, 2 seats`, (sale) => (i) => store.place(db, placeRequest(sale, i)));
      await run(
        `${kind}: store.place, 2 GA (one ticket type)`,
        (sale) => (i) => store.place(db, placeRequest(sale, i, true)),
      );
      await run(
        `${kind}: createHold (event + seats read, then place)`,
        (sale) => (i) =>
          createHold(
            { db, holds: store, clock: () => new Date() },
            {
              userId: sale.fans[i % sale.fans.length]!,
              eventId: sale.eventId,
              input: { seatIds: sale.seats.slice(i * SEATS_PER_HOLD, (i + 1) * SEATS_PER_HOLD) },
            },
          ),
      );
    }
    // What the write-behind's drain would pay per hold: multi-row inserts of DRAIN_BATCH holds and their items.
    const sale = await createSale(db, HOLDS * SEATS_PER_HOLD, fanCount);
    const batches = Math.ceil(HOLDS / DRAIN_BATCH);
    const drained = await measure(batches, 1, async (b) => {
      const ids = Array.from({ length: DRAIN_BATCH }, () => randomUUID());
      const users = ids.map((_, k) => sale.fans[(b * DRAIN_BATCH + k) % sale.fans.length]!);
      const seats = ids.flatMap((_, k) => sale.seats.slice((b * DRAIN_BATCH + k) * 2, (b * DRAIN_BATCH + k) * 2 + 2));
      await db.$transaction([
        db.$executeRaw`INSERT INTO holds (id, "eventId", "userId", status, "expiresAt", "updatedAt")
          SELECT h, ${sale.eventId}, u, 'ACTIVE', now() + interval '10 minutes', now()
          FROM unnest(${ids}::text[], ${users}::text[]) AS x(h, u)`,
        db.$executeRaw`INSERT INTO hold_items (id, "holdId", "ticketTypeId", "seatId", quantity, "unitPriceMinor",
            "unitFeeMinor")
          SELECT gen_random_uuid()::text, h, ${sale.reservedId}, s, 1, 5000, 500
          FROM unnest(${seats.map((_, j) => ids[Math.floor(j / 2)]!)}::text[], ${seats}::text[]) AS x(h, s)`,
      ]);
    });
    const drainPerSecond = Math.round(drained.perSecond * DRAIN_BATCH);
    console.log("write-behind drain: batched inserts".padEnd(58), JSON.stringify({ holdsPerSecond: drainPerSecond }));
    console.log(
      JSON.stringify({
        holds: HOLDS,
        concurrency: CONCURRENCY,
        cpus: os.cpus().length,
        loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
        results: Object.fromEntries(rows),
        drainHoldsPerSecond: drainPerSecond,
      }),
    );
  } finally {
    await connection.close();
    await db.$disconnect();
    await redis.stop();
    await pg.stop();
  }
}

await main();
