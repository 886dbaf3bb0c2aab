import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { pathId } from "@/lib/http-params";

// The organizer's order lists, per event and per organization: search, filters, a sort, and keyset
// pages. Every sort has an index whose columns are the sort itself (schema.prisma, Order), and the
// page cursor is a row comparison on those columns, so page 2,000 costs what page 1 costs: no OFFSET.

const blankAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUndefined, schema.optional());

/** Every order status, in the schema's order: the status filter's choices. */
export const ORDER_STATUSES = Object.values(OrderStatus);

export const ORDER_SORTS = ["newest", "oldest", "total"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** The list's query string (the API's and the dashboard's alike); blank form fields count as absent. */
export const orderListQuery = z.object({
  /** Part of the buyer's e-mail or name, an order number (#1042) or a ticket code. */
  q: optional(z.string().trim().max(200)),
  status: optional(z.enum(OrderStatus)),
  ticketTypeId: optional(pathId),
  /** Created on or after this day (UTC). */
  from: optional(z.iso.date()),
  /** Created on or before this day (UTC). */
  to: optional(z.iso.date()),
  sort: z.preprocess(blankAsUndefined, z.enum(ORDER_SORTS).default("newest")),
  cursor: optional(z.string().max(400)),
  limit: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(100).default(50)),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

/** Whose orders: one event's, or every event's of one organization. */
export type OrderListScope = { eventId: string } | { organizationId: string };

export type OrderRow = {
  id: string;
  number: number;
  status: OrderStatus;
  email: string;
  buyerName: string;
  eventId: string;
  eventTitle: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  createdAt: Date;
  tickets: number;
  voidedTickets: number;
};

export type OrderPage = { orders: OrderRow[]; nextCursor: string | null };

const TICKET_CODE = /^MQ-?([0-9A-Z]{4})-?([0-9A-Z]{4})-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/i;
const ORDER_NUMBER = /^#?(\d{1,9})$/;

/** What a search text means: a ticket code, an order number, or part of an e-mail or a name. */
function searchCondition(q: string): Prisma.Sql {
  const code = TICKET_CODE.exec(q);
  if (code) {
    const normalized = `MQ-${code.slice(1).join("-").toUpperCase()}`;
    return Prisma.sql`o.id = (SELECT t."orderId" FROM tickets t WHERE t.code = ${normalized})`;
  }
  const number = ORDER_NUMBER.exec(q);
  if (number) return Prisma.sql`o.number = ${Number(number[1])}`;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Text with an "@" is part of an e-mail: the trigram index alone answers it.
  if (q.includes("@")) return Prisma.sql`o.email ILIKE ${pattern}`;
  // Two conditions the planner can OR as bitmaps: the e-mail's trigram index, and the buyers so named.
  return Prisma.sql`(o.email ILIKE ${pattern} OR o."userId" IN (SELECT id FROM users WHERE name ILIKE ${pattern}))`;
}

type Cursor = { sort: OrderSort; key: string | number; id: string };

/** The cursor of the page after `row`, in a list sorted by `sort`. */
export function orderListCursor(sort: OrderSort, row: Pick<OrderRow, "id" | "totalMinor" | "createdAt">): string {
  const key = sort === "total" ? row.totalMinor : row.createdAt.toISOString();
  return Buffer.from(JSON.stringify({ sort, key, id: row.id })).toString("base64url");
}

const cursorShape = z.object({ sort: z.enum(ORDER_SORTS), key: z.union([z.string(), z.number()]), id: z.string() });

function decodeCursor(cursor: string, sort: OrderSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    parsed = null;
  }
  const result = cursorShape.safeParse(parsed);
  if (!result.success || result.data.sort !== sort) {
    throw new AppError("BAD_REQUEST", "The cursor is not valid for this sort; start again from the first page.");
  }
  return result.data;
}

/** The ORDER BY and the "after the cursor" condition of each sort, both on the columns of its index. */
function keyset(sort: OrderSort, cursor: Cursor | null): { orderBy: Prisma.Sql; after: Prisma.Sql | null } {
  if (sort === "total") {
    return {
      orderBy: Prisma.sql`o."totalMinor" DESC, o.id DESC`,
      after: cursor && Prisma.sql`(o."totalMinor", o.id) < (${Number(cursor.key)}, ${cursor.id})`,
    };
  }
  const at = cursor && new Date(String(cursor.key));
  if (at && Number.isNaN(at.getTime())) throw new AppError("BAD_REQUEST", "The cursor is not valid.");
  return sort === "oldest"
    ? {
        orderBy: Prisma.sql`o."createdAt" ASC, o.id ASC`,
        after: at && Prisma.sql`(o."createdAt", o.id) > (${at}, ${cursor.id})`,
      }
    : {
        orderBy: Prisma.sql`o."createdAt" DESC, o.id DESC`,
        after: at && Prisma.sql`(o."createdAt", o.id) < (${at}, ${cursor.id})`,
      };
}

const DAY_MS = 24 * 3600_000;

/** The statement behind one page, exported so a test can EXPLAIN exactly what runs. */
export function orderListSql(scope: OrderListScope, query: OrderListQuery): Prisma.Sql {
  const where: Prisma.Sql[] = [
    "eventId" in scope
      ? Prisma.sql`o."eventId" = ${scope.eventId}`
      : Prisma.sql`o."organizationId" = ${scope.organizationId}`,
  ];
  if (query.q) where.push(searchCondition(query.q));
  if (query.status) where.push(Prisma.sql`o.status = ${query.status}::order_status`);
  if (query.ticketTypeId) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM order_items i WHERE i."orderId" = o.id AND i."ticketTypeId" = ${query.ticketTypeId})`,
    );
  }
  if (query.from) where.push(Prisma.sql`o."createdAt" >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(Prisma.sql`o."createdAt" < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)}`);
  const { orderBy, after } = keyset(query.sort, query.cursor ? decodeCursor(query.cursor, query.sort) : null);
  if (after) where.push(after);
  return Prisma.sql`
    SELECT o.id, o.number, o.status::text AS status, o.email, u.name AS "buyerName", o."eventId", e.title AS "eventTitle",
           o.currency, o."totalMinor", o."refundedMinor", o."createdAt",
           (SELECT count(*)::int FROM tickets t WHERE t."orderId" = o.id) AS tickets,
           (SELECT count(*)::int FROM tickets t WHERE t."orderId" = o.id AND t.status = 'VOIDED') AS "voidedTickets"
    FROM orders o
    JOIN events e ON e.id = o."eventId"
    JOIN users u ON u.id = o."userId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${orderBy}
    LIMIT ${query.limit + 1}`;
}

/**
 * One page of orders. Authorization is the caller's (`ordersOfEvent`, the dashboard's page guard):
 * this only reads what the scope names.
 */
export async function listOrders(db: DbOrTx, scope: OrderListScope, query: OrderListQuery): Promise<OrderPage> {
  const rows = await db.$queryRaw<OrderRow[]>(orderListSql(scope, query));
  const orders = rows.slice(0, query.limit);
  const last = orders.at(-1);
  return { orders, nextCursor: rows.length > query.limit && last ? orderListCursor(query.sort, last) : null };
}
