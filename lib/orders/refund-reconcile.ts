import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Tx } from "@/lib/db";
import {
  capturedPaymentOf,
  orderIdOfPaymentIntent,
  recordProviderRefund,
  refundTotalsOf,
} from "@/lib/payments/records";
import { voidRefundedTickets } from "./release-tickets";
import { transitionOrder } from "./state";

// Refunds reported by the provider (charge.refunded), ours or made in Stripe's
// dashboard. Refunds we start ourselves are in refund-payout.ts.

export const PROVIDER_REFUND_REASON = "Refunded at the payment provider.";

/**
 * Brings an order in line with what the payment provider says was refunded (the charge's running
 * total, so applying one report twice changes nothing). What the total holds beyond every refund we
 * know of, ours paid out or on their way, was made in the provider's dashboard: it is recorded as a
 * refund of its own, so the order page and later refunds count it. A full refund voids the tickets
 * and puts their seats back on sale; a partial one cannot say which tickets it was for, so they stay.
 */
export async function recordExternalRefund(
  tx: Tx,
  options: { paymentIntentId: string; amountRefundedMinor: number; webhookEventId?: string },
) {
  const orderId = await orderIdOfPaymentIntent(tx, options.paymentIntentId);
  if (!orderId) return;
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      totalMinor: true,
      refundedMinor: true,
      currency: true,
      event: { select: { organizationId: true } },
    },
  });
  const refunded = Math.min(options.amountRefundedMinor, order.totalMinor);
  if (refunded <= order.refundedMinor) return;

  const ours = await refundTotalsOf(tx, order.id);
  const external = refunded - ours.succeededMinor - ours.pendingMinor;
  const payment = external > 0 ? await capturedPaymentOf(tx, order.id) : null;
  if (payment) {
    const refund = await recordProviderRefund(tx, {
      orderId: order.id,
      paymentId: payment.id,
      amountMinor: external,
      currency: order.currency,
      reason: PROVIDER_REFUND_REASON,
    });
    await recordAudit(tx, {
      actorId: null,
      organizationId: order.event.organizationId,
      action: "order.refunded_at_provider",
      entityType: "order",
      entityId: order.id,
      before: { status: order.status, refundedMinor: order.refundedMinor },
      after: { refundedMinor: refunded },
      details: {
        refundId: refund.id,
        amountMinor: external,
        ...(options.webhookEventId ? { webhookEventId: options.webhookEventId } : {}),
      },
    });
  }

  if (order.status === "REFUNDED") {
    // Our own refund, reported by the provider before (or instead of) the worker's confirmation.
    await tx.order.update({ where: { id: order.id }, data: { refundedMinor: refunded } });
    return;
  }
  if (order.status !== "PAID" && order.status !== "PARTIALLY_REFUNDED") return;
  const to = refunded >= order.totalMinor ? "REFUNDED" : "PARTIALLY_REFUNDED";
  await transitionOrder(tx, order.id, order.status, to, {
    refundedMinor: refunded,
    statusReason: PROVIDER_REFUND_REASON,
  });
  if (to === "REFUNDED") await voidRefundedTickets(tx, order.id);
}
