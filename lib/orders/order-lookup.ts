import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keysetQuery, type PageRequest } from "@/lib/keyset";

// Finding an order across every organization (/admin/orders): by the number people quote ("#10423"),
// its id, a ticket code printed on one of its tickets, or the buyer's e-mail. Only admins reach it; organizers search their own orders.

const lookupSelect = {
  id: true,
  number: true,
  status: true,
  email: true,
  currency: true,
  totalMinor: true,
  refundedMinor: true,
  createdAt: true,
  paidAt: true,
  user: { select: { id: true, name: true } },
  event: {
    select: {
      id: true,
      title: true,
      startsAt: true,
      venue: { select: { timeZone: true } },
      organization: { select: { id: true, slug: true, name: true } },
    },
  },
  _count: { select: { tickets: true } },
} as const;
export type OrderLookupRow = Prisma.OrderGetPayload<{ select: typeof lookupSelect }>;

/**
 * What a query names: an e-mail (has an @) matches the address the order was made with or the
 * buyer's account, in any case; a number (with or without "#") is an order number; anything
 * else is an order id or a ticket code, matched exactly.
 */
function lookupFilter(query: string): Prisma.OrderWhereInput {
  const text = query.trim();
  if (text.includes("@")) {
    return {
      OR: [{ email: { equals: text, mode: "insensitive" } }, { user: { email: { equals: text.toLowerCase() } } }],
    };
  }
  const number = /^#?(\d{1,9})$/.exec(text)?.[1];
  if (number) return { number: Number(number) };
  return { OR: [{ id: text }, { tickets: { some: { code: text } } }] };
}

/** Orders matching `query`, newest first (keyset-paginated); an empty query finds nothing. */
export async function lookUpOrders(db: DbOrTx, options: { query: string; page: PageRequest }) {
  if (options.query.trim() === "") return { items: [], older: null, newer: null };
  const keyset = keysetQuery("createdAt", "desc", options.page);
  const rows = await db.order.findMany({
    where: { AND: [lookupFilter(options.query), keyset.where] },
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: lookupSelect,
  });
  return keyset.finish(rows);
}
