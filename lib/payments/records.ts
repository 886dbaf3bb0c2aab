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
  options: { sessionId: string; paymentIntentId: string | null; amountMinor: number; cardFingerprint: string | null },
) {
  return tx.payment.update({
    where: { providerSessionId: options.sessionId },
    data: {
      status: "SUCCEEDED",
      providerPaymentId: options.paymentIntentId,
      amountMinor: options.amountMinor,
      cardFingerprint: options.cardFingerprint,
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

export type NewRefund = {
  orderId: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  /** An organizer's refund: the request's Idempotency-Key and a hash of its body. */
  idempotency?: { key: string; requestHash: string };
  /** The tickets the refund voids. */
  ticketIds?: string[];
};

export function createRefund(tx: Tx, input: NewRefund) {
  const { idempotency, ...data } = input;
  return tx.refund.create({
    data: {
      ...data,
      ...(idempotency ? { idempotencyKey: idempotency.key, requestHash: idempotency.requestHash } : {}),
    },
    select: { id: true },
  });
}

/** The refund an organizer made with this Idempotency-Key on this order, if any. */
export function refundByIdempotencyKey(db: DbOrTx, orderId: string, key: string) {
  return db.refund.findUnique({
    where: { orderId_idempotencyKey: { orderId, idempotencyKey: key } },
    select: { id: true, requestHash: true },
  });
}

/**
 * A refund made at the provider itself (its dashboard), as found by charge.refunded: already paid
 * out, so it is recorded SUCCEEDED and no payout is queued.
 */
export function recordProviderRefund(
  tx: Tx,
  input: { orderId: string; paymentId: string; amountMinor: number; currency: string; reason: string },
) {
  return tx.refund.create({ data: { ...input, status: "SUCCEEDED", external: true }, select: { id: true } });
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

/** The provider sessions still open for these orders, to be closed when the orders are. */
export async function openSessionIdsOf(db: DbOrTx, orderIds: string[]): Promise<string[]> {
  const rows = await db.payment.findMany({
    where: { orderId: { in: orderIds }, status: "PENDING" },
    select: { providerSessionId: true },
  });
  return rows.map((r) => r.providerSessionId);
}

/** Open payment sessions of pending orders whose hold has lapsed, oldest first. */
export async function openSessionsOfLapsedHolds(db: DbOrTx, options: { now: Date; limit: number }) {
  const rows = await db.payment.findMany({
    where: { status: "PENDING", order: { status: "PENDING", hold: { expiresAt: { lte: options.now } } } },
    select: { providerSessionId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit,
  });
  return rows.map((r) => r.providerSessionId);
}

/** The order a provider payment intent paid for, if it is one of ours. */
export async function orderIdOfPaymentIntent(db: DbOrTx, paymentIntentId: string): Promise<string | null> {
  const payment = await db.payment.findFirst({
    where: { providerPaymentId: paymentIntentId },
    select: { orderId: true },
  });
  return payment?.orderId ?? null;
}

/** A refund as the worker needs it to ask the provider for the money. */
export function refundToPayOut(db: DbOrTx, refundId: string) {
  return db.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      status: true,
      amountMinor: true,
      orderId: true,
      providerRefundId: true,
      payment: { select: { providerPaymentId: true } },
    },
  });
}

/** An order's payments and refunds, oldest first: the payment timeline on its page. */
export async function paymentTimeline(db: DbOrTx, orderId: string) {
  const [payments, refunds] = await Promise.all([
    db.payment.findMany({
      where: { orderId },
      select: {
        provider: true,
        status: true,
        amountMinor: true,
        failureMessage: true,
        createdAt: true,
        updatedAt: true,
        checkoutUrl: true,
      },
      orderBy: { createdAt: "asc" },
    }),
    db.refund.findMany({
      where: { orderId },
      select: { amountMinor: true, reason: true, status: true, ticketIds: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { payments, refunds };
}

/** What the provider has confirmed refunding for an order, in minor units. */
export async function confirmedRefundTotal(db: DbOrTx, orderId: string): Promise<number> {
  const { _sum } = await db.refund.aggregate({ where: { orderId, status: "SUCCEEDED" }, _sum: { amountMinor: true } });
  return _sum.amountMinor ?? 0;
}

/** The captured payment of an order (the one refunds are made against), or null. */
export function capturedPaymentOf(db: DbOrTx, orderId: string) {
  return db.payment.findFirst({
    where: { orderId, status: "SUCCEEDED" },
    select: { id: true, currency: true, providerPaymentId: true },
    orderBy: { createdAt: "desc" },
  });
}

/** What refunds of an order amount to, by state: confirmed by the provider, and still on their way. */
export async function refundTotalsOf(
  db: DbOrTx,
  orderId: string,
): Promise<{ succeededMinor: number; pendingMinor: number }> {
  const rows = await db.refund.groupBy({
    by: ["status"],
    where: { orderId, status: { in: ["SUCCEEDED", "PENDING"] } },
    _sum: { amountMinor: true },
  });
  const sum = (status: string) => rows.find((r) => r.status === status)?._sum.amountMinor ?? 0;
  return { succeededMinor: sum("SUCCEEDED"), pendingMinor: sum("PENDING") };
}

/** How many refunds of an event's orders are paid out, still pending, or refused by the provider. */
export async function refundCountsForEvent(
  db: DbOrTx,
  eventId: string,
): Promise<{ succeeded: number; pending: number; failed: number }> {
  const rows = await db.refund.groupBy({ by: ["status"], where: { order: { eventId } }, _count: { _all: true } });
  const count = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
  return { succeeded: count("SUCCEEDED"), pending: count("PENDING"), failed: count("FAILED") };
}

/** Payment pages still open for an event's orders in these statuses (orders closed while their page was open). */
export async function openSessionIdsOfEvent(
  db: DbOrTx,
  options: { eventId: string; orderStatuses: ("CANCELLED" | "EXPIRED")[] },
): Promise<string[]> {
  const rows = await db.payment.findMany({
    where: { status: "PENDING", order: { eventId: options.eventId, status: { in: options.orderStatuses } } },
    select: { providerSessionId: true },
  });
  return rows.map((r) => r.providerSessionId);
}
