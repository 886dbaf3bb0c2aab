import "server-only";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import type { PaymentGateway, RefundView } from "@/lib/payments/gateway";
import {
  confirmedRefundTotal,
  createRefund,
  markRefundResult,
  refundToPayOut,
  type NewRefund,
} from "@/lib/payments/records";
import { enqueueOrderEmail } from "./emails";

// Refunds Marquee starts itself: recorded with the change that causes them and
// paid out by the worker. Refunds the provider reports are in refund-reconcile.ts.

export const REFUND_TOPIC = "payments.refund";

const refundPayload = z.object({ refundId: z.string() });

/**
 * Records a refund of a captured payment and queues its payout: the provider
 * is called by the worker after this transaction commits, with the refund's
 * id as idempotency key, and retried until the provider confirms it (the
 * outbox never gives up on this topic). Until then the refund is PENDING and
 * the order's refundedMinor does not count it: the fan sees "refund pending".
 */
export async function scheduleRefund(
  tx: Tx,
  options: NewRefund & {
    /** False when the caller sends an e-mail of its own that covers the refund (a cancelled event). */
    notify?: boolean;
  },
) {
  const { notify = true, ...refund } = options;
  const created = await createRefund(tx, refund);
  await enqueueOutbox(tx, { topic: REFUND_TOPIC, payload: { refundId: created.id } });
  if (notify) {
    await enqueueOrderEmail(tx, {
      kind: "refunded",
      orderId: options.orderId,
      reason: options.reason,
      amountMinor: options.amountMinor,
    });
  }
  return created;
}

/** The order's refunded amount follows what the provider has confirmed (never above its total). */
export async function applyConfirmedRefunds(db: DbOrTx, orderId: string) {
  const confirmed = await confirmedRefundTotal(db, orderId);
  await db.$executeRaw`
    UPDATE orders SET "refundedMinor" = GREATEST("refundedMinor", LEAST("totalMinor", ${confirmed})), "updatedAt" = now()
    WHERE id = ${orderId}`;
}

const statusOf = (result: RefundView) =>
  result.status === "succeeded" ? "SUCCEEDED" : result.status === "pending" ? "PENDING" : "FAILED";

export function refundHandler(db: Db, gateway: PaymentGateway): OutboxHandler {
  return async (raw) => {
    const { refundId } = refundPayload.parse(raw);
    const refund = await refundToPayOut(db, refundId);
    if (refund.status === "SUCCEEDED") return;
    if (!refund.payment.providerPaymentId) throw new Error(`refund ${refundId}: the payment has no payment intent`);
    // Once the provider has the refund, follow it by id: an idempotency key only lasts a day.
    const result = refund.providerRefundId
      ? await gateway.retrieveRefund(refund.providerRefundId)
      : await gateway.refund({
          paymentIntentId: refund.payment.providerPaymentId,
          amountMinor: refund.amountMinor,
          idempotencyKey: `refund-${refundId}`,
          reason: "requested_by_customer",
          metadata: { orderId: refund.orderId, refundId },
        });
    const status = statusOf(result);
    await db.$transaction(async (tx) => {
      await markRefundResult(tx, refundId, { providerRefundId: result.id, status });
      if (status === "SUCCEEDED") await applyConfirmedRefunds(tx, refund.orderId);
    });
    // Thrown so the outbox asks again later; FAILED needs a person and stays visible as stuck.
    if (status === "PENDING") throw new Error(`refund ${refundId} is still pending at the provider`);
    if (status === "FAILED") throw new Error(`refund ${refundId} failed at the provider (${result.status})`);
  };
}
