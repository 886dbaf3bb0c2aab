import "server-only";
import type { DbOrTx } from "@/lib/db";
import { scopeSql, type ReportScope } from "./sales-series";

/** What an event's or an organization's sales add up to, with the way from holds to paid orders. */
export type SalesTotals = {
  ticketsIssued: number;
  ticketsCheckedIn: number;
  /** Every order paid, at what was paid (price and fees), before refunds. */
  grossMinor: number;
  refundedMinor: number;
  netMinor: number;
  /** The currencies of those orders: more than one means the sums mix them. */
  currencies: string[];
  refunds: { count: number; amountMinor: number; refundedOrders: number; partiallyRefundedOrders: number };
  /** Holds → orders (checkout started) → paid orders, all time. */
  conversion: { holds: number; orders: number; paid: number };
  /** Holds that still hold something now, and the tickets in them. */
  liveHolds: { holds: number; tickets: number };
};

type Row = Omit<SalesTotals, "netMinor" | "refunds" | "conversion" | "liveHolds"> & {
  refundCount: number;
  refundAmountMinor: number;
  refundedOrders: number;
  partiallyRefundedOrders: number;
  holds: number;
  orders: number;
  paid: number;
  liveHolds: number;
  liveHeldTickets: number;
};

/**
 * One statement of aggregates. Live holds are read from the holds table, which both hold stores
 * write (a Redis hold has its row too), by status and expiry at `now`.
 */
export async function salesTotals(db: DbOrTx, scope: ReportScope, now: Date): Promise<SalesTotals> {
  const [row] = await db.$queryRaw<Row[]>`
    WITH scoped_orders AS (
      SELECT o.* FROM orders o JOIN events e ON e.id = o."eventId" WHERE ${scopeSql(scope, "o")}
    ), live_holds AS (
      SELECT h.id FROM holds h JOIN events e ON e.id = h."eventId"
      WHERE ${scopeSql(scope, "h")} AND h.status = 'ACTIVE' AND h."expiresAt" > ${now}
    )
    SELECT
      (SELECT count(*) FROM tickets t JOIN events e ON e.id = t."eventId"
        WHERE ${scopeSql(scope, "t")} AND t.status = 'ISSUED')::int AS "ticketsIssued",
      (SELECT count(*) FROM tickets t JOIN events e ON e.id = t."eventId"
        WHERE ${scopeSql(scope, "t")} AND t.status = 'ISSUED' AND t."checkedInAt" IS NOT NULL)::int AS "ticketsCheckedIn",
      (SELECT COALESCE(sum("totalMinor"), 0) FROM scoped_orders WHERE "paidAt" IS NOT NULL)::float8 AS "grossMinor",
      (SELECT COALESCE(sum("refundedMinor"), 0) FROM scoped_orders)::float8 AS "refundedMinor",
      (SELECT COALESCE(array_agg(DISTINCT currency::text), '{}') FROM scoped_orders WHERE "paidAt" IS NOT NULL) AS currencies,
      (SELECT count(*) FROM refunds r JOIN scoped_orders o ON o.id = r."orderId" WHERE r.status <> 'FAILED')::int
        AS "refundCount",
      (SELECT COALESCE(sum(r."amountMinor"), 0) FROM refunds r JOIN scoped_orders o ON o.id = r."orderId"
        WHERE r.status <> 'FAILED')::float8 AS "refundAmountMinor",
      (SELECT count(*) FROM scoped_orders WHERE status = 'REFUNDED')::int AS "refundedOrders",
      (SELECT count(*) FROM scoped_orders WHERE status = 'PARTIALLY_REFUNDED')::int AS "partiallyRefundedOrders",
      (SELECT count(*) FROM holds h JOIN events e ON e.id = h."eventId" WHERE ${scopeSql(scope, "h")})::int AS holds,
      (SELECT count(*) FROM scoped_orders)::int AS orders,
      (SELECT count(*) FROM scoped_orders WHERE "paidAt" IS NOT NULL)::int AS paid,
      (SELECT count(*) FROM live_holds)::int AS "liveHolds",
      (SELECT COALESCE(sum(i.quantity), 0) FROM hold_items i JOIN live_holds l ON l.id = i."holdId")::int
        AS "liveHeldTickets"`;
  const r = row!;
  return {
    ticketsIssued: r.ticketsIssued,
    ticketsCheckedIn: r.ticketsCheckedIn,
    grossMinor: r.grossMinor,
    refundedMinor: r.refundedMinor,
    netMinor: r.grossMinor - r.refundedMinor,
    currencies: r.currencies,
    refunds: {
      count: r.refundCount,
      amountMinor: r.refundAmountMinor,
      refundedOrders: r.refundedOrders,
      partiallyRefundedOrders: r.partiallyRefundedOrders,
    },
    conversion: { holds: r.holds, orders: r.orders, paid: r.paid },
    liveHolds: { holds: r.liveHolds, tickets: r.liveHeldTickets },
  };
}
