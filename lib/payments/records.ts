import "server-only";
import type { DbOrTx, Tx } from "@/lib/db";

// The payments, refunds and processed_webhook_events tables.

export function recordPaymentSession(
  db: DbOrTx,
  input: {
    orderId: string;
    provider: "stripe" | "simulator";
    sessionId: string;
    checkoutUrl: string;
    expiresAt: Date;
    amountMinor: number;
    currency: string;
  },
) {
  return db.payment.create({
    data: {
      orderId: input.orderId,
      provider: input.provider,
      providerSessionId: input.sessionId,
      checkoutUrl: input.checkoutUrl,
      expiresAt: input.expiresAt,
      amountMinor: input.amountMinor,
      currency: input.currency,
    },
  });
}

export function openPaymentOf(db: DbOrTx, orderId: string) {
  return db.payment.findFirst({ where: { orderId, status: "PENDING" }, orderBy: { createdAt: "desc" } });
}

export async function markPaymentSucceeded(
  tx: Tx,
  options: { sessionId: string; paymentIntentId: string | null; amountMinor: number },
) {
  return tx.payment.update({
    where: { providerSessionId: options.sessionId },
    data: {
      status: "SUCCEEDED",
      providerPaymentId: options.paymentIntentId,
      amountMinor: options.amountMinor,
      failureMessage: null,
    },
  });
}

export async function markPaymentCancelled(tx: Tx, sessionId: string) {
  await tx.payment.updateMany({
    where: { providerSessionId: sessionId, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
}

export async function markPaymentFailed(
  tx: Tx,
  options: { paymentIntentId: string | null; orderId: string; message: string },
) {
  await tx.payment.updateMany({
    where: { orderId: options.orderId, status: "PENDING" },
    data: {
      failureMessage: options.message,
      ...(options.paymentIntentId ? { providerPaymentId: options.paymentIntentId } : {}),
    },
  });
}

/**
 * Stores a webhook event id in the caller's transaction. Returns false when it
 * was already stored: a redelivery, to be answered 200 without doing anything.
 */
export async function claimWebhookEvent(tx: Tx, event: { id: string; type: string }): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO processed_webhook_events (id, type) VALUES (${event.id}, ${event.type})
    ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}

export function createRefund(
  tx: Tx,
  input: { orderId: string; paymentId: string; amountMinor: number; currency: string; reason: string },
) {
  return tx.refund.create({ data: input, select: { id: true } });
}

export async function markRefundResult(
  db: DbOrTx,
  refundId: string,
  result: { providerRefundId: string; status: "SUCCEEDED" | "FAILED" | "PENDING" },
) {
  await db.refund.update({
    where: { id: refundId },
    data: { providerRefundId: result.providerRefundId, status: result.status },
  });
}
