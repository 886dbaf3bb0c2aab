// Stripe webhooks under an on-sale's payment burst: `checkout.session.completed` events for paid simulator
// sessions, signed as Stripe signs them and posted to the real route handler (`POST /api/webhooks/stripe`)
// `--concurrency` at a time, every payer on the same event and ticket type. Prints p50/p95/p99 of the handler and
// the machine's load. In-process (no HTTP server): what is measured is the handler and its database work.
// How to read it: docs/performance.md ("Checkout and webhooks").
// Usage: npm run bench:webhooks -- [--payers 200] [--concurrency 10]
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/scripts/support/migrations";
import { startThrowawayPostgres } from "@/tests/support/services";

const { values } = parseArgs({
  options: {
    payers: { type: "string", default: "200" },
    concurrency: { type: "string", default: "10" },
    seats: { type: "string", default: "2" },
    /** Samples pg_stat_activity every 10 ms during the run and prints what busy sessions were waiting on. */
    "sample-waits": { type: "boolean", default: false },
    /** After the run, EXPLAIN (ANALYZE, BUFFERS) the settlement's event-wide statements for one more payer. */
    explain: { type: "boolean", default: false },
  },
});
const payers = Number(values.payers);
const concurrency = Number(values.concurrency);
const seatsEach = Number(values.seats);

const database = await startThrowawayPostgres("marquee_bench");
try {
  await applyMigrations(database.url);
  // lib/config reads these once, on the first import of an app module below.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AUTH_SECRET: "bench-only-secret-that-is-32-characters",
    LOG_LEVEL: "silent",
    PAYMENT_PROVIDER: "simulator",
    DATABASE_POOL_SIZE: "10",
  });
  await run();
} finally {
  await database.stop();
}

async function run() {
  const [{ services }, { startCheckout }, { holdTickets }, { signWebhookPayload }, { POST: webhook }] =
    await Promise.all([
      import("@/lib/services"),
      import("@/lib/orders/checkout"),
      import("@/lib/orders/holds"),
      import("@/lib/payments/signing"),
      import("@/app/api/webhooks/stripe/route"),
    ]);
  const app = services();
  const { db } = app;

  // One published, on-sale event with a seat per ticket each payer buys.
  const organization = await db.organization.create({ data: { slug: `bench-${randomUUID()}`, name: "Bench" } });
  const venue = await db.venue.create({
    data: {
      organizationId: organization.id,
      slug: `bench-${randomUUID()}`,
      name: "Bench Hall",
      address: "1 Bench St",
      city: "Benchville",
      country: "US",
      timeZone: "UTC",
      latitude: 0,
      longitude: 0,
    },
  });
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  const event = await db.event.create({
    data: {
      organizationId: organization.id,
      venueId: venue.id,
      slug: `bench-${randomUUID()}`,
      title: "Bench Show",
      description: "",
      performers: ["Bench Band"],
      category: "CONCERT",
      tags: [],
      status: "PUBLISHED",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
      onSaleAt: new Date(),
      perOrderLimit: seatsEach,
    },
  });
  const seatCount = payers * seatsEach;
  const type = await db.ticketType.create({
    data: {
      eventId: event.id,
      name: "Floor",
      kind: "RESERVED",
      priceMinor: 5_000,
      feeMinor: 500,
      currency: "USD",
      capacity: seatCount,
    },
  });
  await db.seat.createMany({
    data: Array.from({ length: seatCount }, (_, i) => ({
      eventId: event.id,
      ticketTypeId: type.id,
      section: "A",
      row: String(Math.floor(i / 50)),
      number: String(i % 50),
      x: i % 50,
      y: Math.floor(i / 50),
    })),
  });
  const seats = await db.seat.findMany({ where: { eventId: event.id }, select: { id: true }, orderBy: { id: "asc" } });

  // Fans hold and check out, 25 a second (the payment provider's session limit, which the simulator enforces).
  const sessionIds: string[] = [];
  for (let first = 0; first < payers; first += 25) {
    const started = performance.now();
    const batch = Array.from({ length: Math.min(25, payers - first) }, (_, k) => first + k);
    sessionIds.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const user = await db.user.create({
            data: { email: `payer-${n}-${randomUUID()}@bench.test`, name: `Payer ${n}`, passwordHash: "x" },
            select: { id: true },
          });
          const hold = await holdTickets(app, {
            userId: user.id,
            eventId: event.id,
            input: { seatIds: seats.slice(n * seatsEach, (n + 1) * seatsEach).map((s) => s.id) },
          });
          for (;;) {
            try {
              const { checkoutUrl } = await startCheckout(app, { userId: user.id, holdId: hold.holdId });
              return checkoutUrl.split("/").pop()!;
            } catch (error) {
              // Our meter and the provider's limit are both sliding seconds, checked a moment apart.
              if ((error as { code?: string }).code !== "RATE_LIMITED") throw error;
              await new Promise((resolve) => setTimeout(resolve, 1_000));
            }
          }
        }),
      )),
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_050 - (performance.now() - started))));
  }

  // Each fan pays: the provider marks the session paid, then its signed event reaches our webhook.
  const events = await Promise.all(
    sessionIds.map(async (id) => {
      const session = await db.simulatorSession.update({
        where: { id },
        data: { status: "complete", paymentStatus: "paid", paymentIntentId: `pi_bench_${randomUUID()}` },
      });
      const payload = JSON.stringify({
        id: `evt_bench_${randomUUID()}`,
        object: "event",
        api_version: "2025-03-31.basil",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type: "checkout.session.completed",
        data: {
          object: {
            id: session.id,
            object: "checkout.session",
            client_reference_id: session.orderId,
            metadata: { orderId: session.orderId },
            payment_status: "paid",
            status: "complete",
            amount_total: session.amountTotal,
            currency: session.currency.toLowerCase(),
          },
        },
      });
      return payload;
    }),
  );

  const deliver = async (payload: string) => {
    const signature = signWebhookPayload(payload, app.webhookSecret, Math.floor(Date.now() / 1000));
    const started = performance.now();
    const response = await webhook(
      new Request("http://127.0.0.1/api/webhooks/stripe", {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: payload,
      }),
    );
    const body = (await response.json()) as { status?: string; detail?: string };
    const ms = performance.now() - started;
    if (response.status !== 200 || body.detail !== "paid") throw new Error(`webhook: ${JSON.stringify(body)}`);
    return ms;
  };

  await deliver(events.shift()!); // warm-up: JIT, connections
  const loadBefore = os.loadavg()[0]!;
  const latencies: number[] = [];
  const waits = new Map<string, number>();
  let sampling = values["sample-waits"];
  const sampler = (async () => {
    while (sampling) {
      const rows = await db.$queryRaw<{ wait: string | null; query: string }[]>`
        SELECT wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 90) AS query
        FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`;
      for (const row of rows) {
        const key = `${row.wait ?? "CPU"} | ${row.query}`;
        waits.set(key, (waits.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) latencies.push(await deliver(events[next++]!));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  sampling = false;
  await sampler;

  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  const [sold, tickets] = await Promise.all([
    db.seat.count({ where: { eventId: event.id, status: "SOLD" } }),
    db.ticket.count({ where: { order: { eventId: event.id } } }),
  ]);
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load ${loadBefore.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `checkout.session.completed × ${latencies.length}, ${concurrency} at a time, ${seatsEach} seats each: ` +
      `${(latencies.length / seconds).toFixed(0)} events/s; p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, ` +
      `max ${at(1)} ms; app CPU ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(1)} ms an event; ` +
      `${sold} seats sold, ${tickets} tickets`,
  );
  if (values.explain) {
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id }, select: { userId: true } });
    const statements: [string, string][] = [
      [
        "fan limit: tickets issued to the fan for the event (wouldExceedFanLimit)",
        `SELECT count(*) FROM tickets t WHERE t."eventId" = '${event.id}' AND t.status = 'ISSUED'
           AND t."orderId" IN (SELECT o.id FROM orders o WHERE o."userId" = '${order.userId}')`,
      ],
      [
        "lapsed holds of the event (the PostgreSQL store's retakeForSale)",
        `UPDATE holds SET status = 'EXPIRED' WHERE status = 'ACTIVE' AND "expiresAt" <= now() AND "eventId" = '${event.id}'`,
      ],
      ["a ticket type's counter", `UPDATE ticket_types SET sold = sold + 0 WHERE id = '${type.id}'`],
    ];
    // As autovacuum would have by now: plans from fresh statistics.
    await db.$executeRawUnsafe("ANALYZE tickets, orders, holds, ticket_types");
    for (const [label, sql] of statements) {
      const plan = await db
        .$transaction(async (tx) => {
          const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
          await tx.$executeRawUnsafe("SELECT 1"); // nothing is kept: the transaction is rolled back below
          throw Object.assign(new Error("rollback"), { rows });
        })
        .catch((error: { rows?: { "QUERY PLAN": string }[] }) => error.rows ?? []);
      console.log(`\n${label}:\n${plan.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
    }
  }
  if (waits.size) {
    console.log("Busy database sessions, sampled every 10 ms (samples | wait | statement):");
    for (const [key, n] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`${String(n).padStart(6)} | ${key}`);
  }
  await db.$disconnect();
}
