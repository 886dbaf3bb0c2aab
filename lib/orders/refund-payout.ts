import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { createRefund, markRefundResult, refundToPayOut } from "@/lib/payments/records";
import { enqueueOrderEmail } from "./emails";

// Refunds Marquee starts itself: recorded with the change that causes them and
// paid out by the worker. Refunds the provider reports are in refund-reconcile.ts.

export const REFUND_TOPIC = "payments.refund";

const refundPayload = z.object({ refundId: z.string() });

/**
 * Records a refund of a captured payment and queues its execution: the
 * provider is called by the worker after this transaction commits, with the
 * refund's id as idempotency key, and retried until it succeeds.
 */
export async function scheduleRefund(
  tx: Tx,
  options: { orderId: string; paymentId: string; amountMinor: number; currency: string; reason: string },
) {
  const refund = await createRefund(tx, options);
  await enqueueOutbox(tx, { topic: REFUND_TOPIC, payload: { refundId: refund.id } });
  await enqueueOrderEmail(tx, { kind: "refunded", orderId: options.orderId, reason: options.reason });
  return refund;
}

export function refundHandler(db: Db, gateway: PaymentGateway): OutboxHandler {
  return async (raw) => {
    const { refundId } = refundPayload.parse(raw);
    const refund = await refundToPayOut(db, refundId);
    if (refund.status === "SUCCEEDED") return;
    if (!refund.payment.providerPaymentId) throw new Error(`refund ${refundId}: the payment has no payment intent`);
    const result = await gateway.refund({
      paymentIntentId: refund.payment.providerPaymentId,
      amountMinor: refund.amountMinor,
      idempotencyKey: `refund-${refundId}`,
      reason: "requested_by_customer",
      metadata: { orderId: refund.orderId, refundId },
    });
    const status = result.status === "succeeded" ? "SUCCEEDED" : result.status === "pending" ? "PENDING" : "FAILED";
    await markRefundResult(db, refundId, { providerRefundId: result.id, status });
    if (status === "FAILED") throw new Error(`refund ${refundId} failed at the provider (${result.status})`);
  };
}
