import "server-only";
import type { DbOrTx } from "@/lib/db";
import { salesByDay } from "./sales-series";
import { salesTotals } from "./totals";

type EventRow = {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  timeZone: string;
  capacity: number;
  sold: number;
  paidOrders: number;
  grossMinor: number;
  refundedMinor: number;
};

/** Each event of the organization with its capacity, tickets sold and money, newest first (grouped in SQL). */
function eventRows(db: DbOrTx, organizationId: string) {
  return db.$queryRaw<EventRow[]>`
    WITH own AS (SELECT id FROM events WHERE "organizationId" = ${organizationId})
    SELECT e.id, e.title, e.status::text AS status, e."startsAt", v."timeZone",
           COALESCE(tt.capacity, 0)::int AS capacity, COALESCE(tt.sold, 0)::int AS sold,
           COALESCE(o.paid, 0)::int AS "paidOrders",
           COALESCE(o.gross, 0)::float8 AS "grossMinor", COALESCE(o.refunded, 0)::float8 AS "refundedMinor"
    FROM events e JOIN venues v ON v.id = e."venueId"
      LEFT JOIN (
        SELECT "eventId", sum(capacity) AS capacity, sum(sold) AS sold FROM ticket_types
        WHERE "eventId" IN (SELECT id FROM own) AND NOT hidden GROUP BY 1
      ) tt ON tt."eventId" = e.id
      LEFT JOIN (
        SELECT "eventId", count(*) FILTER (WHERE "paidAt" IS NOT NULL) AS paid,
               sum("totalMinor") FILTER (WHERE "paidAt" IS NOT NULL) AS gross, sum("refundedMinor") AS refunded
        FROM orders WHERE "eventId" IN (SELECT id FROM own) GROUP BY 1
      ) o ON o."eventId" = e.id
    WHERE e."organizationId" = ${organizationId}
    ORDER BY e."startsAt" DESC, e.id`;
}

/** The organization's report: totals over all its events, sales per day (each at its venue's date), and each event. */
export async function organizationReport(deps: { db: DbOrTx; clock: () => Date }, options: { organizationId: string }) {
  const scope = { organizationId: options.organizationId };
  const [totals, sales, events] = await Promise.all([
    salesTotals(deps.db, scope, deps.clock()),
    salesByDay(deps.db, scope),
    eventRows(deps.db, options.organizationId),
  ]);
  return {
    totals,
    currency: totals.currencies[0] ?? "USD",
    capacity: events.reduce((sum, e) => sum + e.capacity, 0),
    sales,
    events,
  };
}

export type OrganizationReport = Awaited<ReturnType<typeof organizationReport>>;
