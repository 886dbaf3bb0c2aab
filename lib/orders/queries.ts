import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { canManageOrganization } from "@/lib/auth/memberships";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { paymentTimeline } from "@/lib/payments/records";
import { inSeatOrder } from "@/lib/seat-order";
import { groupOrdersByEvent } from "./fan-tickets";

/** The order's own columns that every view of an order shows (the fan's and the organizer's). */
export const orderColumnsSelect = {
  id: true,
  number: true,
  status: true,
  statusReason: true,
  email: true,
  currency: true,
  subtotalMinor: true,
  feesMinor: true,
  totalMinor: true,
  refundedMinor: true,
  createdAt: true,
  paidAt: true,
} as const;

const orderSelect = {
  ...orderColumnsSelect,
  userId: true,
  holdId: true,
  event: {
    select: {
      id: true,
      slug: true,
      title: true,
      startsAt: true,
      endsAt: true,
      organizationId: true,
      venue: { select: { name: true, address: true, city: true, region: true, timeZone: true } },
    },
  },
  items: {
    select: {
      quantity: true,
      unitPriceMinor: true,
      unitFeeMinor: true,
      ticketType: { select: { name: true } },
      seat: { select: { section: true, row: true, number: true } },
    },
  },
  tickets: {
    select: {
      id: true,
      code: true,
      status: true,
      checkedInAt: true,
      ticketType: { select: { name: true } },
      seat: { select: { section: true, row: true, number: true } },
    },
    orderBy: { code: "asc" },
  },
} as const;

/** An order for its buyer, the owners and managers of the event's organization, or an admin; "not found" for anyone else. */
export async function orderForViewer(db: DbOrTx, options: { orderId: string; actor: Actor }) {
  const order = await db.order.findUnique({ where: { id: options.orderId }, select: orderSelect });
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  const { actor } = options;
  const allowed = order.userId === actor.userId || (await canManageOrganization(db, actor, order.event.organizationId));
  if (!allowed) throw new AppError("NOT_FOUND", "No such order.");
  const { organizationId: _org, ...event } = order.event;
  const { payments, refunds } = await paymentTimeline(db, order.id);
  return {
    ...order,
    // Seat order, as the fan finds the seats ("Row 2" before "Row 10"); general admission after.
    items: inSeatOrder(order.items),
    tickets: inSeatOrder(order.tickets),
    event,
    refunds,
    // Only the buyer may reopen the payment page.
    payments: payments.map(({ checkoutUrl, ...p }) => ({
      ...p,
      ...(order.userId === actor.userId && p.status === "PENDING" ? { checkoutUrl } : {}),
    })),
  };
}

/**
 * A fan's tickets, one entry per event (with that event's orders and their tickets in seat order),
 * upcoming soonest first and then past, most recent first.
 */
export async function ticketsOfFan(db: DbOrTx, userId: string, now = new Date()) {
  const orders = await db.order.findMany({
    where: { userId, status: { in: ["PAID", "PARTIALLY_REFUNDED"] } },
    select: {
      id: true,
      number: true,
      event: {
        select: {
          id: true,
          title: true,
          slug: true,
          startsAt: true,
          venue: { select: { name: true, city: true, timeZone: true } },
        },
      },
      tickets: {
        where: { status: "ISSUED" },
        select: {
          code: true,
          ticketType: { select: { name: true } },
          seat: { select: { section: true, row: true, number: true } },
        },
      },
    },
    orderBy: [{ event: { startsAt: "asc" } }, { number: "asc" }],
  });
  const events = groupOrdersByEvent(orders.filter((o) => o.tickets.length > 0));
  return {
    upcoming: events.filter((e) => e.event.startsAt >= now),
    past: events.filter((e) => e.event.startsAt < now).reverse(),
  };
}
