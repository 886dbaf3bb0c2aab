import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { buyerAccounts } from "@/prisma/demo/catalog";
import { seedDemoData } from "@/prisma/demo/seed-data";
import { isolatedDatabase } from "../support/services";

async function seededDatabase(today: Date) {
  const database = await isolatedDatabase(inject("adminDatabaseUrl"), "seed");
  const db = createPrismaClient(database.url, 4);
  const started = Date.now();
  const sold = await db.$transaction((tx) => seedDemoData(tx, { passwordHash: "x", today }), { timeout: 300_000 });
  return {
    db,
    sold,
    ms: Date.now() - started,
    drop: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** `count\`SELECT … AS n\`` against `db`: the number a query finds (of rows that break an invariant). */
const counter = (db: ReturnType<typeof createPrismaClient>) => async (query: TemplateStringsArray) => {
  const [row] = await db.$queryRaw<{ n: number }[]>(query);
  return row!.n;
};

const today = new Date("2026-11-24T12:00:00Z");

describe("demo data", () => {
  // Seeds the whole catalogue twice (11,000+ seats and ~9,000 orders each); on a busy 2-core machine that
  // takes a while. The first copy serves both tests.
  let first: Awaited<ReturnType<typeof seededDatabase>>;
  beforeAll(async () => {
    first = await seededDatabase(today);
  }, 300_000);
  afterAll(() => first?.drop());

  it("is a realistic catalogue, and the same every time for the same day", { timeout: 300_000 }, async () => {
    const second = await seededDatabase(today);
    try {
      const { db } = first;
      expect(await db.organization.count()).toBeGreaterThanOrEqual(3);
      expect(await db.user.count({ where: { role: "ORGANIZER" } })).toBeGreaterThanOrEqual(3);
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
      // The demo fan, and the buyers of the sales history.
      expect(await db.user.count({ where: { role: "FAN" } })).toBe(1 + buyerAccounts.length);
      const roles = await db.membership.groupBy({ by: ["role"], _count: { _all: true } });
      expect(roles.map((r) => r.role).sort()).toEqual(["CHECK_IN", "MANAGER", "OWNER"]);
      expect(await db.venue.count()).toBeGreaterThanOrEqual(12);
      expect((await db.venue.groupBy({ by: ["city"] })).length).toBeGreaterThanOrEqual(6);

      const sixMonths = new Date(today.getTime() + 183 * 24 * 3600_000);
      expect(await db.event.count({ where: { startsAt: { gt: today, lte: sixMonths } } })).toBeGreaterThanOrEqual(200);
      expect(await db.event.count({ where: { startsAt: { lt: today } } })).toBeGreaterThan(0);
      const categories = await db.event.groupBy({ by: ["category"] });
      expect(categories.map((c) => c.category).sort()).toEqual(["COMEDY", "CONCERT", "FAMILY", "SPORTS", "THEATRE"]);

      const arenaEvents = await db.seat.groupBy({ by: ["eventId"], _count: { _all: true } });
      expect(arenaEvents.filter((e) => e._count._all >= 5_000)).toHaveLength(2);

      // The arenas have a seat map saved in the builder's format, and the arena shows copied their seats from it.
      const layouts = await db.venueLayout.findMany({ select: { id: true, seatCount: true, venueId: true } });
      expect(layouts.length).toBeGreaterThanOrEqual(2);
      expect(layouts.every((l) => l.seatCount === 5_660)).toBe(true);
      const arenaShows = await db.event.findMany({
        where: { id: { in: arenaEvents.map((e) => e.eventId) } },
        select: { layoutId: true, venueId: true, ticketTypes: { select: { zone: true, capacity: true, kind: true } } },
      });
      for (const show of arenaShows) {
        expect(layouts.find((l) => l.id === show.layoutId)?.venueId).toBe(show.venueId);
        expect(show.ticketTypes.map((t) => [t.zone, t.kind, t.capacity]).sort()).toEqual([
          ["floor", "RESERVED", 800],
          ["lower", "RESERVED", 2_700],
          ["upper", "RESERVED", 2_160],
        ]);
      }
      expect(await db.event.count({ where: { status: "DRAFT" } })).toBeGreaterThan(0);
      const gaTypes = await db.ticketType.groupBy({
        by: ["eventId"],
        where: { kind: "GENERAL_ADMISSION" },
        _count: { _all: true },
      });
      expect(gaTypes.length).toBeGreaterThanOrEqual(200);
      expect(gaTypes.every((t) => t._count._all >= 2)).toBe(true);

      const slugs = async (client: typeof db) =>
        await client.event.findMany({ select: { slug: true, startsAt: true }, orderBy: { slug: "asc" } });
      expect(await slugs(second.db)).toEqual(await slugs(db));
      expect(second.sold).toEqual(first.sold);
      console.info(
        `demo data: ${first.ms} ms and ${second.ms} ms, ${first.sold.orders} orders, ${first.sold.tickets} tickets`,
      );
    } finally {
      await second.drop();
    }
  });

  it(
    "has lived-in sales: orders over weeks, refunds, cancellations, check-ins, and consistent inventory",
    { timeout: 120_000 },
    async () => {
      const { db } = first;
      const count = counter(db);
      const statuses = await db.order.groupBy({ by: ["status"], _count: { _all: true } });
      expect(statuses.map((s) => s.status).sort()).toEqual(["CANCELLED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);
      const paid = statuses.find((s) => s.status === "PAID")!._count._all;
      expect(paid).toBeGreaterThan(1_000);
      const span = await db.order.aggregate({ _min: { paidAt: true }, _max: { paidAt: true } });
      expect(span._max.paidAt!.getTime() - span._min.paidAt!.getTime()).toBeGreaterThan(14 * 24 * 3600_000);
      const sellingEvents = await db.order.groupBy({ by: ["eventId"] });
      expect(sellingEvents.length).toBeGreaterThan(50);
      expect(
        await db.ticket.count({
          where: { checkedInAt: { not: null }, event: { startsAt: { lt: new Date("2026-11-24T12:00:00Z") } } },
        }),
      ).toBeGreaterThan(100);
      expect(await db.ticket.count({ where: { checkedInAt: { not: null }, status: "VOIDED" } })).toBe(0);
      // The arenas sell seats; the later show keeps more than 5,000 free (tests/e2e/event-page-cache.spec.ts).
      const arenaSold = await db.seat.groupBy({ by: ["eventId"], where: { status: "SOLD" }, _count: { _all: true } });
      expect(arenaSold).toHaveLength(2);
      expect(Math.min(...arenaSold.map((a) => a._count._all))).toBeLessThan(600);

      // Every invariant the sale path keeps.
      expect(
        await count`
        SELECT count(*)::int AS n FROM ticket_types tt
        WHERE tt.sold <> (SELECT count(*) FROM tickets t WHERE t."ticketTypeId" = tt.id AND t.status = 'ISSUED')`,
      ).toBe(0);
      expect(
        await count`
        SELECT count(*)::int AS n FROM seats s
        WHERE (s.status = 'SOLD') <> EXISTS (SELECT 1 FROM tickets t WHERE t."seatId" = s.id AND t.status = 'ISSUED')`,
      ).toBe(0);
      expect(
        await count`
        SELECT count(*)::int AS n FROM orders o
        WHERE o."refundedMinor" <> COALESCE((SELECT sum("amountMinor") FROM refunds r WHERE r."orderId" = o.id), 0)
           OR o."subtotalMinor" <> (SELECT sum(quantity * "unitPriceMinor") FROM order_items i WHERE i."orderId" = o.id)
           OR (o.status = 'CANCELLED') <> (o."paidAt" IS NULL)
           OR (o.status IN ('PAID', 'PARTIALLY_REFUNDED')) <> EXISTS (
                SELECT 1 FROM tickets t WHERE t."orderId" = o.id AND t.status = 'ISSUED')`,
      ).toBe(0);
      // No buyer holds more of an event's tickets than its per-fan limit allows.
      expect(
        await count`
        SELECT count(*)::int AS n FROM (
          SELECT o."userId", e."perOrderLimit", count(*) AS tickets FROM tickets t
          JOIN orders o ON o.id = t."orderId" JOIN events e ON e.id = t."eventId"
          WHERE t.status = 'ISSUED' GROUP BY 1, 2, o."eventId") f
        WHERE f.tickets > f."perOrderLimit"`,
      ).toBe(0);
    },
  );
});
