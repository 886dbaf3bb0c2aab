import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo/seed-data";
import { isolatedDatabase } from "../support/services";

async function seededDatabase(today: Date) {
  const database = await isolatedDatabase(inject("adminDatabaseUrl"), "seed");
  const db = createPrismaClient(database.url, 4);
  await db.$transaction((tx) => seedDemoData(tx, { passwordHash: "x", today }), { timeout: 120_000 });
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

describe("demo data", () => {
  // Seeds the whole catalogue twice (11,000+ seats each); on a busy 2-core machine that takes a while.
  it("is a realistic catalogue, and the same every time for the same day", { timeout: 120_000 }, async () => {
    const today = new Date("2026-11-24T12:00:00Z");
    const first = await seededDatabase(today);
    const second = await seededDatabase(today);
    try {
      const { db } = first;
      expect(await db.organization.count()).toBeGreaterThanOrEqual(3);
      expect(await db.user.count({ where: { role: "ORGANIZER" } })).toBeGreaterThanOrEqual(3);
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
      expect(await db.user.count({ where: { role: "FAN" } })).toBe(1);
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
    } finally {
      await first.drop();
      await second.drop();
    }
  });
});
