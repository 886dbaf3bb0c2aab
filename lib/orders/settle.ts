import "server-only";
import type { Tx } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { lockEventStatus } from "@/lib/events/edits";
import { eventForSale } from "@/lib/events/queries";
import { lockFanForEvent, releaseHoldIn } from "@/lib/inventory/holds";
import { enqueueSearchSync } from "@/lib/events/search-sync";
import { sellHold, type SaleResult } from "@/lib/inventory/sale";
import { log } from "@/lib/log";
import type { CheckoutSessionView } from "@/lib/payments/gateway";
import { markPaymentCancelled, markPaymentSucceeded } from "@/lib/payments/records";
import { EVENT_CANCELLED_REASON } from "./cancellation";
import { enqueueOrderEmail } from "./emails";
import { scheduleRefund } from "./refund-payout";
import { transitionOrder } from "./state";
import type { RefusalReason } from "@/lib/refusals/reasons";
import { lockCardForEvent, wouldExceedCardLimit } from "./card-limit";
import { wouldExceedFanLimit } from "./fan-limit";
import { issueTickets } from "./tickets";

export type SettleOutcome =
  | { kind: "paid"; sale: Extract<SaleResult, { ok: true }> }
  | {
      kind: "refunded";
      reason: string;
      /** A limit refused the fan (for the refusal audit trail, lib/refusals); absent for other refunds. */
      refusal?: { reason: Extract<RefusalReason, "FAN_LIMIT" | "CARD_LIMIT">; eventId: string; userId: string };
    }
  | { kind: "unchanged"; reason: string };

async function lockOrder(tx: Tx, orderId: string) {
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  return tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, holdId: true, totalMinor: true, currency: true, eventId: true, userId: true },
  });
}

type LockedOrder = NonNullable<Awaited<ReturnType<typeof lockOrder>>>;

async function lockEventOfOrder(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { eventId: true } });
  if (order) await lockEventStatus(tx, order.eventId);
}

type Refusal = { message: string; limit?: "FAN_LIMIT" | "CARD_LIMIT" };

/**
 * Why a captured payment must not become tickets, or null: the amount is not
 * the order's (never fulfil what was not paid for), a late payment would
 * take the fan past the event's per-fan limit with tickets bought meanwhile,
 * or the card that paid has already bought the event's limit (on any account).
 */
async function reasonToRefuse(tx: Tx, order: LockedOrder, session: CheckoutSessionView): Promise<Refusal | null> {
  if (session.amountTotal !== order.totalMinor || session.currency !== order.currency) {
    log.error(
      {
        orderId: order.id,
        sessionId: session.id,
        paid: { amountMinor: session.amountTotal, currency: session.currency },
        expected: { amountMinor: order.totalMinor, currency: order.currency },
      },
      "payment amount does not match its order; refunding instead of fulfilling",
    );
    return { message: "The amount paid did not match the order, so we refunded it." };
  }
  await lockFanForEvent(tx, { eventId: order.eventId, userId: order.userId });
  const [event, { _sum }] = await Promise.all([
    eventForSale(tx, order.eventId),
    tx.orderItem.aggregate({ where: { orderId: order.id }, _sum: { quantity: true } }),
  ]);
  // Read under lockEventStatus. A PENDING order of a cancelled event comes from a hold taken while the
  // cancellation committed (the cancellation closes every other PENDING order).
  if (event?.status === "CANCELLED") return { message: EVENT_CANCELLED_REASON };
  const perOrderLimit = event?.perOrderLimit ?? 0;
  const orderQuantity = _sum.quantity ?? 0;
  const limits = { eventId: order.eventId, orderQuantity, perOrderLimit };
  if (await wouldExceedFanLimit(tx, { ...limits, userId: order.userId })) {
    return {
      message: `You already have tickets for this event, and the limit is ${perOrderLimit} per fan.`,
      limit: "FAN_LIMIT",
    };
  }
  const { cardFingerprint } = session;
  if (!cardFingerprint) return null;
  await lockCardForEvent(tx, { eventId: order.eventId, cardFingerprint });
  if (await wouldExceedCardLimit(tx, { ...limits, cardFingerprint })) {
    return {
      message:
        `This card has already bought the maximum for this event (${perOrderLimit} tickets per card), ` +
        "so we refunded this payment.",
      limit: "CARD_LIMIT",
    };
  }
  return null;
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
  // The event first, then the order: a cancellation takes them in the same order (docs/architecture.md,
  // "Cancelling an event"), so a payment settles either before the event is cancelled or after, never during.
  if (session.orderId) await lockEventOfOrder(tx, session.orderId);
  const order = session.orderId ? await lockOrder(tx, session.orderId) : null;
  if (!order) {
    log.error({ sessionId: session.id }, "payment for an unknown order");
    return { kind: "unchanged", reason: "unknown order" };
  }
  const payment = await markPaymentSucceeded(tx, {
    sessionId: session.id,
    paymentIntentId: session.paymentIntentId,
    amountMinor: session.amountTotal,
    cardFingerprint: session.cardFingerprint,
  });

  if (order.status === "PENDING") {
    const refusal = await reasonToRefuse(tx, order, session);
    const sale =
      !refusal && order.holdId
        ? await sellHold(tx, store, {
            holdId: order.holdId,
            now,
            // Undone with the sale if its seats are gone; run before the sale's counters, which come last.
            fulfil: async (contents) => {
              await transitionOrder(tx, order.id, "PENDING", "PAID", { paidAt: now });
              await issueTickets(tx, order.id);
              await enqueueOrderEmail(tx, { kind: "confirmed", orderId: order.id });
              // Availability changed: a sold-out event must leave "available only" results.
              await enqueueSearchSync(tx, contents.eventId);
            },
          })
        : null;
    if (sale?.ok) return { kind: "paid", sale };
    // A refused order's seats go back on sale now rather than when its hold lapses.
    if (refusal && order.holdId) await releaseHoldIn(tx, store, order.holdId);
    const reason = refusal?.message ?? sale?.reason ?? "The order had no tickets to sell.";
    await transitionOrder(tx, order.id, "PENDING", "PAID", { paidAt: now });
    await transitionOrder(tx, order.id, "PAID", "REFUNDED", { statusReason: reason });
    await scheduleRefund(tx, {
      orderId: order.id,
      paymentId: payment.id,
      amountMinor: session.amountTotal,
      currency: session.currency,
      reason,
    });
    const limit = refusal?.limit;
    return {
      kind: "refunded",
      reason,
      ...(limit ? { refusal: { reason: limit, eventId: order.eventId, userId: order.userId } } : {}),
    };
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
