import "server-only";
import type { DbOrTx } from "@/lib/db";
import { seatGeometryFile, seatGeometryPath } from "@/lib/events/seat-geometry";
import { remainingByTicketType } from "@/lib/inventory/availability";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { salesByDay } from "./sales-series";
import { salesTotals } from "./totals";

// The report of one event for its organizer. Authorization is the caller's (the page runs
// requireOrganizationPage); this only looks inside the organization it is given.

export type ReportDeps = { db: DbOrTx; holds: HoldStore; clock: () => Date };

type TicketTypeRow = {
  id: string;
  name: string;
  kind: "GENERAL_ADMISSION" | "RESERVED";
  zone: string | null;
  hidden: boolean;
  currency: string;
  capacity: number;
  sold: number;
  revenueMinor: number;
  voidedTickets: number;
  blockedSeats: number;
};

/** Per ticket type: the inventory counters and what its paid order items brought in (price and fees). */
function ticketTypeRows(db: DbOrTx, eventId: string) {
  return db.$queryRaw<TicketTypeRow[]>`
    SELECT tt.id, tt.name, tt.kind::text AS kind, tt.zone, tt.hidden, tt.currency, tt.capacity, tt.sold,
           COALESCE(r.revenue, 0)::float8 AS "revenueMinor",
           COALESCE(v.voided, 0)::int AS "voidedTickets",
           COALESCE(b.blocked, 0)::int AS "blockedSeats"
    FROM ticket_types tt
      LEFT JOIN (
        SELECT i."ticketTypeId", sum(i.quantity * (i."unitPriceMinor" + i."unitFeeMinor")) AS revenue
        FROM order_items i JOIN orders o ON o.id = i."orderId"
        WHERE o."eventId" = ${eventId} AND o."paidAt" IS NOT NULL GROUP BY 1
      ) r ON r."ticketTypeId" = tt.id
      LEFT JOIN (
        SELECT "ticketTypeId", count(*) AS voided FROM tickets
        WHERE "eventId" = ${eventId} AND status = 'VOIDED' GROUP BY 1
      ) v ON v."ticketTypeId" = tt.id
      LEFT JOIN (
        SELECT "ticketTypeId", count(*) AS blocked FROM seats
        WHERE "eventId" = ${eventId} AND status = 'BLOCKED' GROUP BY 1
      ) b ON b."ticketTypeId" = tt.id
    WHERE tt."eventId" = ${eventId}
    ORDER BY tt."sortOrder", tt.id`;
}

/** Seats held right now by ticket type, from the hold store (either kind), counted in SQL. */
async function heldSeatsByType(deps: ReportDeps, eventId: string, now: Date): Promise<Map<string, number>> {
  const held = await deps.holds.heldSeatIds(deps.db, eventId, now);
  if (held.length === 0) return new Map();
  const rows = await deps.db.$queryRaw<{ ticketTypeId: string; held: number }[]>`
    SELECT "ticketTypeId", count(*)::int AS held FROM seats WHERE id = ANY(${held}) GROUP BY 1`;
  return new Map(rows.map((r) => [r.ticketTypeId, r.held]));
}

export type ReportTicketType = TicketTypeRow & { held: number; remaining: number };

export type ReportZone = {
  zone: string;
  capacity: number;
  sold: number;
  held: number;
  remaining: number;
  blockedSeats: number;
  revenueMinor: number;
};

/** Ticket types summed by price zone (the seat map's zones; a GA type's standing section). */
export function byZone(types: readonly ReportTicketType[]): ReportZone[] {
  const zones = new Map<string, ReportZone>();
  for (const type of types) {
    if (!type.zone) continue;
    const zone = zones.get(type.zone) ?? {
      zone: type.zone,
      capacity: 0,
      sold: 0,
      held: 0,
      remaining: 0,
      blockedSeats: 0,
      revenueMinor: 0,
    };
    zone.capacity += type.capacity;
    zone.sold += type.sold;
    zone.held += type.held;
    zone.remaining += type.remaining;
    zone.blockedSeats += type.blockedSeats;
    zone.revenueMinor += type.revenueMinor;
    zones.set(type.zone, zone);
  }
  return [...zones.values()];
}

/**
 * Everything the event's report page shows, or null when the event is not the organization's:
 * totals and the way from holds to paid orders, sales per day in the venue's time zone, each
 * ticket type and price zone with what is sold, held now and left, and where the seat map's
 * geometry is (reserved seating of a public event).
 */
export async function eventReport(deps: ReportDeps, options: { organizationId: string; eventId: string }) {
  const event = await deps.db.event.findFirst({
    where: { id: options.eventId, organizationId: options.organizationId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      venue: { select: { name: true, city: true, timeZone: true } },
    },
  });
  if (!event) return null;
  const now = deps.clock();
  const scope = { eventId: event.id };
  const [rows, heldSeats, heldGa, remaining, totals, sales, geometry] = await Promise.all([
    ticketTypeRows(deps.db, event.id),
    heldSeatsByType(deps, event.id, now),
    deps.holds.heldQuantities(deps.db, event.id, now),
    remainingByTicketType(deps.db, deps.holds, event.id, now),
    salesTotals(deps.db, scope, now),
    salesByDay(deps.db, scope),
    seatGeometryFile(deps.db, event.id),
  ]);
  const ticketTypes: ReportTicketType[] = rows.map((row) => ({
    ...row,
    held: (row.kind === "RESERVED" ? heldSeats.get(row.id) : heldGa.get(row.id)) ?? 0,
    remaining: remaining.get(row.id) ?? 0,
  }));
  return {
    event,
    currency: totals.currencies[0] ?? rows[0]?.currency ?? "USD",
    totals,
    capacity: ticketTypes.reduce((sum, t) => sum + t.capacity, 0),
    remaining: ticketTypes.reduce((sum, t) => sum + t.remaining, 0),
    ticketTypes,
    zones: byZone(ticketTypes),
    sales,
    seatMap: geometry ? { url: seatGeometryPath(event.id, geometry.version), seats: geometry.seats } : null,
  };
}

export type EventReport = NonNullable<Awaited<ReturnType<typeof eventReport>>>;
