import "server-only";
import type { Tx } from "@/lib/db";
import { returnToSale } from "@/lib/inventory/return-to-sale";
import { orderIdOfPaymentIntent } from "@/lib/payments/records";
import { transitionOrder } from "./state";
import { voidIssuedTickets } from "./tickets";

// Refunds reported by the provider (charge.refunded), ours or made in Stripe's
// dashboard. Refunds we start ourselves are in refund-payout.ts.

/**
 * Brings an order in line with what the payment provider says was refunded.
 * A full refund voids the tickets and puts their seats back on sale.
 */
export async function recordExternalRefund(tx: Tx, options: { paymentIntentId: string; amountRefundedMinor: number }) {
  const orderId = await orderIdOfPaymentIntent(tx, options.paymentIntentId);
  if (!orderId) return;
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, status: true, totalMinor: true, refundedMinor: true },
  });
  const refunded = Math.min(options.amountRefundedMinor, order.totalMinor);
  if (refunded <= order.refundedMinor) return;
  if (order.status === "REFUNDED") {
    // Our own refund, reported by the provider before (or instead of) the worker's confirmation.
    await tx.order.update({ where: { id: order.id }, data: { refundedMinor: refunded } });
    return;
  }
  if (order.status !== "PAID" && order.status !== "PARTIALLY_REFUNDED") return;
  const to = refunded >= order.totalMinor ? "REFUNDED" : "PARTIALLY_REFUNDED";
  await transitionOrder(tx, order.id, order.status, to, {
    refundedMinor: refunded,
    statusReason: "Refunded at the payment provider.",
  });
  if (to === "REFUNDED") await voidTickets(tx, order.id);
}

async function voidTickets(tx: Tx, orderId: string) {
  const tickets = await voidIssuedTickets(tx, orderId);
  const gaCounts = new Map<string, number>();
  for (const t of tickets) if (!t.seatId) gaCounts.set(t.ticketTypeId, (gaCounts.get(t.ticketTypeId) ?? 0) + 1);
  await returnToSale(tx, {
    seatIds: tickets.flatMap((t) => (t.seatId ? [t.seatId] : [])),
    generalAdmission: [...gaCounts].map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity })),
  });
}
