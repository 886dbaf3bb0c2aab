import "server-only";
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** One day of sales at the venue: tickets and money of the orders paid that day, refunds made that day. */
export type SalesDay = { day: string; orders: number; tickets: number; revenueMinor: number; refundedMinor: number };

export type ReportScope = { eventId: string } | { organizationId: string };

/**
 * The scope as a condition on a table aliased `alias` that has an `eventId`, joined to its event as
 * `e`: one event's rows, or every event's of an organization.
 */
export function scopeSql(scope: ReportScope, alias: "o" | "h" | "t"): Prisma.Sql {
  return "eventId" in scope
    ? Prisma.sql`${Prisma.raw(alias)}."eventId" = ${scope.eventId}`
    : Prisma.sql`e."organizationId" = ${scope.organizationId}`;
}

type DayRow = { day: string; orders: number; tickets: number; revenueMinor: number };
type RefundRow = { day: string; refundedMinor: number };

// Columns are `timestamp` holding UTC: `AT TIME ZONE 'UTC'` makes them instants, and the second
// `AT TIME ZONE` reads the venue's wall clock, so a sale at 23:30 in New York is that day's.
async function paidByDay(db: DbOrTx, scope: ReportScope): Promise<DayRow[]> {
  return db.$queryRaw<DayRow[]>`
    SELECT to_char(o."paidAt" AT TIME ZONE 'UTC' AT TIME ZONE v."timeZone", 'YYYY-MM-DD') AS day,
           count(*)::int AS orders,
           COALESCE(sum((SELECT sum(i.quantity) FROM order_items i WHERE i."orderId" = o.id)), 0)::int AS tickets,
           sum(o."totalMinor")::bigint::float8 AS "revenueMinor"
    FROM orders o JOIN events e ON e.id = o."eventId" JOIN venues v ON v.id = e."venueId"
    WHERE o."paidAt" IS NOT NULL
      AND ${scopeSql(scope, "o")}
    GROUP BY 1 ORDER BY 1`;
}

async function refundedByDay(db: DbOrTx, scope: ReportScope): Promise<RefundRow[]> {
  return db.$queryRaw<RefundRow[]>`
    SELECT to_char(r."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE v."timeZone", 'YYYY-MM-DD') AS day,
           sum(r."amountMinor")::bigint::float8 AS "refundedMinor"
    FROM refunds r JOIN orders o ON o.id = r."orderId" JOIN events e ON e.id = o."eventId" JOIN venues v ON v.id = e."venueId"
    WHERE r.status <> 'FAILED' AND ${scopeSql(scope, "o")}
    GROUP BY 1 ORDER BY 1`;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Sales per day in the venue's time zone (an organization's events each in their own venue's),
 * from the first day with a sale or refund to the last, days without any included as zeros so
 * a chart's bars stand at their dates. Two grouped queries; only the days come back.
 */
export async function salesByDay(db: DbOrTx, scope: ReportScope): Promise<SalesDay[]> {
  const [paid, refunded] = await Promise.all([paidByDay(db, scope), refundedByDay(db, scope)]);
  const days = new Map<string, SalesDay>();
  const dayOf = (day: string) =>
    days.get(day) ?? days.set(day, { day, orders: 0, tickets: 0, revenueMinor: 0, refundedMinor: 0 }).get(day)!;
  for (const row of paid) Object.assign(dayOf(row.day), { ...row, revenueMinor: Number(row.revenueMinor) });
  for (const row of refunded) dayOf(row.day).refundedMinor = Number(row.refundedMinor);
  const known = [...days.keys()].sort();
  if (known.length === 0) return [];
  const series: SalesDay[] = [];
  for (let day = known[0]!; day <= known.at(-1)!; day = nextDay(day)) series.push(dayOf(day));
  return series;
}
