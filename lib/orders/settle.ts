import "server-only";
import type { Tx } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { releaseHoldIn } from "@/lib/inventory/holds";
import { enqueueSearchSync } from "@/lib/events/search-sync";
import { sellHold, type SaleResult } from "@/lib/inventory/sale";
import { log } from "@/lib/log";
import type { CheckoutSessionView } from "@/lib/payments/gateway";
import { markPaymentCancelled, markPaymentSucceeded } from "@/lib/payments/records";
import { enqueueOrderEmail } from "./emails";
import { scheduleRefund } from "./refund-payout";
import { transitionOrder } from "./state";
import { issueTickets } from "./tickets";

export type SettleOutcome =
  | { kind: "paid"; sale: Extract<SaleResult, { ok: true }> }
  | { kind: "refunded"; reason: string }
  | { kind: "unchanged"; reason: string };

async function lockOrder(tx: Tx, orderId: string) {
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  return tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, holdId: true, totalMinor: true, currency: true },
  });
}

/**
 * A payment was captured for this session. In the webhook's transaction:
 * sell the hold (even a lapsed one, if its seats are still free), issue the
 * tickets and mark the order PAID; if the seats are gone, or the order was
 * already closed, refund the money. Money is never kept without tickets.
 */
export async function settlePaidSession(
  tx: Tx,
  store: HoldStore,
  session: CheckoutSessionView,
  now: Date,
): Promise<SettleOutcome> {
  const order = session.orderId ? await lockOrder(tx, session.orderId) : null;
  if (!order) {
    log.error({ sessionId: session.id }, "payment for an unknown order");
    return { kind: "unchanged", reason: "unknown order" };
  }
  const payment = await markPaymentSucceeded(tx, {
    sessionId: session.id,
    paymentIntentId: session.paymentIntentId,
    amountMinor: session.amountTotal,
  });

  if (order.status === "PENDING") {
    const sale = order.holdId ? await sellHold(tx, store, { holdId: order.holdId, now }) : null;
    await transitionOrder(tx, order.id, "PENDING", "PAID", { paidAt: now });
    if (sale?.ok) {
      await issueTickets(tx, order.id);
      await enqueueOrderEmail(tx, { kind: "confirmed", orderId: order.id });
      // Availability changed: a sold-out event must leave "available only" results.
      await enqueueSearchSync(tx, sale.contents.eventId);
      return { kind: "paid", sale };
    }
    const reason = sale?.reason ?? "The order had no tickets to sell.";
    await transitionOrder(tx, order.id, "PAID", "REFUNDED", { statusReason: reason, refundedMinor: order.totalMinor });
    await scheduleRefund(tx, {
      orderId: order.id,
      paymentId: payment.id,
      amountMinor: order.totalMinor,
      currency: order.currency,
      reason,
    });
    return { kind: "refunded", reason };
  }

  if (order.status === "EXPIRED" || order.status === "CANCELLED") {
    // Stripe would not take a payment on an expired session; this is a delivery that
    // overtook its own completion. The order stays closed; the money goes back.
    const reason = `Payment arrived after the order was ${order.status.toLowerCase()}.`;
    await tx.order.update({ where: { id: order.id }, data: { statusReason: reason } });
    await scheduleRefund(tx, {
      orderId: order.id,
      paymentId: payment.id,
      amountMinor: session.amountTotal,
      currency: order.currency,
      reason,
    });
    return { kind: "refunded", reason };
  }
  return { kind: "unchanged", reason: `order already ${order.status}` };
}

/** The payment page expired or was cancelled: the order expires and its hold goes back on sale. */
export async function settleExpiredSession(
  tx: Tx,
  store: HoldStore,
  session: CheckoutSessionView,
): Promise<SettleOutcome> {
  await markPaymentCancelled(tx, session.id);
  const order = session.orderId ? await lockOrder(tx, session.orderId) : null;
  if (!order || order.status !== "PENDING") return { kind: "unchanged", reason: `order ${order?.status ?? "unknown"}` };
  await transitionOrder(tx, order.id, "PENDING", "EXPIRED", {
    statusReason: "The payment page expired or was cancelled.",
  });
  if (order.holdId) await releaseHoldIn(tx, store, order.holdId);
  return { kind: "unchanged", reason: "expired" };
}
