// The checks after a run, in the database: nothing sold twice, no partial hold, no payment without its order
// (and the waiting room's checks, counted by its scenario).
// `eventIds` narrows them to some events (the unit test's own); the bench checks everything.
import pg from "pg";
import type { DbOrTx } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import type { Correctness, QueueChecks } from "./table";

const SETTLED = "('PAID', 'REFUNDED', 'PARTIALLY_REFUNDED')";

export const CHECKS = {
  doubleSoldSeats: `SELECT count(*)::int AS n FROM (
      SELECT t."seatId" FROM tickets t
      WHERE t."seatId" IS NOT NULL AND t.status = 'ISSUED' AND ($1::text[] IS NULL OR t."eventId" = ANY($1))
      GROUP BY t."seatId" HAVING count(*) > 1) twice`,
  ticketsOnUnsoldSeats: `SELECT count(*)::int AS n FROM tickets t JOIN seats s ON s.id = t."seatId"
      WHERE t.status = 'ISSUED' AND s.status <> 'SOLD' AND ($1::text[] IS NULL OR t."eventId" = ANY($1))`,
  typesOverCapacity: `SELECT count(*)::int AS n FROM ticket_types tt
      WHERE tt.sold > tt.capacity AND ($1::text[] IS NULL OR tt."eventId" = ANY($1))`,
  paidSessions: `SELECT count(*)::int AS n FROM simulator_sessions ss LEFT JOIN orders o ON o.id = ss."orderId"
      WHERE ss."paymentStatus" = 'paid' AND (o.id IS NULL OR o.status NOT IN ${SETTLED})
        AND ($1::text[] IS NULL OR o."eventId" = ANY($1))`,
  succeededPayments: `SELECT count(*)::int AS n FROM payments p JOIN orders o ON o.id = p."orderId"
      WHERE p.status = 'SUCCEEDED' AND o.status NOT IN ${SETTLED} AND ($1::text[] IS NULL OR o."eventId" = ANY($1))`,
} as const;

/** The database-side counts (everything but the hold-store check and the client's own count). */
export async function databaseChecks(databaseUrl: string, eventIds: string[] | null = null) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = {} as Record<keyof typeof CHECKS, number>;
    for (const [name, sql] of Object.entries(CHECKS)) {
      const { rows } = await client.query<{ n: number }>(sql, [eventIds]);
      counts[name as keyof typeof CHECKS] = rows[0]!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * Live holds (ACTIVE, not lapsed, in the holds table) with a seat that the hold store does not report as held:
 * asked through the HoldStore interface, so it checks whichever store took them. Run it while that store is
 * the one in use, after the load has stopped, on the holds made `since` that store's app started (a hold left
 * live by a failed release under the other store is not this store's).
 */
export async function holdsNotHeldByStore(
  db: DbOrTx,
  store: HoldStore,
  options: { since?: Date; eventIds?: string[] } = {},
) {
  const now = new Date();
  const holds = await db.hold.findMany({
    where: {
      status: "ACTIVE",
      expiresAt: { gt: now },
      ...(options.since ? { createdAt: { gte: options.since } } : {}),
      ...(options.eventIds ? { eventId: { in: options.eventIds } } : {}),
    },
    select: { id: true, eventId: true, items: { select: { seatId: true } } },
  });
  const heldByEvent = new Map<string, Set<string>>();
  let partial = 0;
  for (const hold of holds) {
    let held = heldByEvent.get(hold.eventId);
    if (!held) {
      held = new Set(await store.heldSeatIds(db, hold.eventId, now));
      heldByEvent.set(hold.eventId, held);
    }
    if (hold.items.some((item) => item.seatId !== null && !held.has(item.seatId))) partial++;
  }
  return partial;
}

export function correctness(
  counts: Awaited<ReturnType<typeof databaseChecks>>,
  partial: { answeredShort: number; notHeldByStore: number },
  queue: QueueChecks,
): Correctness {
  return {
    oversold: {
      doubleSoldSeats: counts.doubleSoldSeats,
      ticketsOnUnsoldSeats: counts.ticketsOnUnsoldSeats,
      typesOverCapacity: counts.typesOverCapacity,
    },
    partialHolds: partial,
    orphanPayments: { paidSessions: counts.paidSessions, succeededPayments: counts.succeededPayments },
    queue: { ...queue },
  };
}
