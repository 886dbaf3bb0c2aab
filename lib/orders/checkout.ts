import "server-only";
import { findUser } from "@/lib/auth/users";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { findHold, releaseOwnHold, type HoldView } from "@/lib/inventory/holds";
import type { CheckoutSessionMeter } from "@/lib/payments/checkout-meter";
import type { RateLimiter } from "@/lib/rate-limit";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { QueueStore } from "@/lib/queue/store";
import { noteRefusal, type RefusalRecorder } from "@/lib/refusals/recorder";
import { openPaymentOf, openSessionIdsOf, recordPaymentSession } from "@/lib/payments/records";
import { enforcePurchaseLimits } from "./purchase-limits";
import { transitionOrder } from "./state";

export type CheckoutDeps = {
  db: Db;
  holds: HoldStore;
  gateway: PaymentGateway;
  checkoutMeter: CheckoutSessionMeter;
  rateLimiter: RateLimiter;
  refusals: RefusalRecorder;
  appUrl: string;
  clock: () => Date;
};

export async function ownHold(db: Db, options: { holdId: string; userId: string }): Promise<HoldView> {
  const hold = await findHold(db, options.holdId);
  // Someone else's hold is "not found", so hold ids cannot be probed.
  if (!hold || hold.userId !== options.userId) throw new AppError("NOT_FOUND", "No such hold.");
  return hold;
}

function lineItemName(item: HoldView["items"][number]) {
  return item.seat
    ? `${item.ticketTypeName} — Section ${item.seat.section}, Row ${item.seat.row}, Seat ${item.seat.number}`
    : item.ticketTypeName;
}

/** The PENDING order of a hold, with its items at the hold's prices; two clicks at once get the same one. */
async function createPendingOrder(db: Db, options: { hold: HoldView; userId: string; email: string }) {
  const { hold } = options;
  const subtotal = hold.items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0);
  const fees = hold.items.reduce((sum, i) => sum + i.unitFeeMinor * i.quantity, 0);
  try {
    const order = await db.order.create({
      data: {
        userId: options.userId,
        eventId: hold.eventId,
        holdId: hold.holdId,
        email: options.email,
        currency: hold.currency,
        subtotalMinor: subtotal,
        feesMinor: fees,
        totalMinor: subtotal + fees,
        items: {
          create: hold.items.map((i) => ({
            ticketTypeId: i.ticketTypeId,
            seatId: i.seat?.id ?? null,
            quantity: i.quantity,
            unitPriceMinor: i.unitPriceMinor,
            unitFeeMinor: i.unitFeeMinor,
          })),
        },
      },
      select: { id: true },
    });
    return order.id;
  } catch (error) {
    // Two clicks raced: the partial unique index kept one PENDING order per hold.
    if (!isUniqueViolation(error)) throw error;
    return (await db.order.findFirstOrThrow({ where: { holdId: hold.holdId, status: "PENDING" } })).id;
  }
}

/**
 * Turns a live hold into a PENDING order with a payment session, or returns the
 * one already made for it: pressing "Pay" twice opens one payment page. Creating
 * a session takes a slot of the provider's rate limit first (`checkoutMeter`);
 * beyond it the fan gets 429 "Busy, try again in 1 second." and nothing is made.
 */
export async function startCheckout(
  deps: CheckoutDeps,
  options: { userId: string; holdId: string; clientIp?: string | null },
) {
  const clientIp = options.clientIp ?? null;
  await enforcePurchaseLimits(deps, { action: "checkout", userId: options.userId, clientIp }).catch(
    async (error: unknown) => {
      // The limits come before any read; only a refused attempt pays for finding its event.
      const hold = await findHold(deps.db, options.holdId).catch(() => null);
      if (hold?.userId !== options.userId) throw error;
      throw noteRefusal(deps.refusals, { eventId: hold.eventId, userId: options.userId, clientIp }, error);
    },
  );
  const now = deps.clock();
  const hold = await ownHold(deps.db, options);
  const existing = await deps.db.order.findFirst({
    where: { holdId: hold.holdId, status: "PENDING" },
    select: { id: true },
  });
  if (existing) {
    const payment = await openPaymentOf(deps.db, existing.id);
    if (payment) return { orderId: existing.id, checkoutUrl: payment.checkoutUrl };
  }
  if (hold.status !== "ACTIVE" || hold.expiresAt <= now) {
    throw new AppError("HOLD_EXPIRED", "This hold has expired. Pick your tickets again.");
  }

  const user = await findUser(deps.db, options.userId);
  if (!user) throw new AppError("NOT_FOUND", "No such hold.");
  const subtotal = hold.items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0);
  const fees = hold.items.reduce((sum, i) => sum + i.unitFeeMinor * i.quantity, 0);
  // Before the order: a fan refused here leaves no PENDING order behind (one would block unpublishing).
  const slot = await deps.checkoutMeter.take();
  let orderId: string;
  try {
    orderId = existing?.id ?? (await createPendingOrder(deps.db, { hold, userId: options.userId, email: user.email }));
  } catch (error) {
    // The provider was not called: the slot goes back to other fans.
    await slot.giveBack();
    throw error;
  }

  const session = await deps.gateway.createCheckoutSession({
    orderId,
    currency: hold.currency,
    lineItems: hold.items.map((i) => ({
      name: lineItemName(i),
      unitAmountMinor: i.unitAllInMinor,
      quantity: i.quantity,
    })),
    customerEmail: user.email,
    successUrl: `${deps.appUrl}/orders/${orderId}?from=checkout`,
    cancelUrl: `${deps.appUrl}/checkout/${hold.holdId}?cancelled=1`,
    // The gateway stretches this to what it accepts (Stripe: 30 minutes at least), in a way
    // that stays the same on a retry, so the idempotency key keeps matching its parameters.
    expiresAt: hold.expiresAt,
    idempotencyKey: `order-${orderId}-checkout`,
  });
  await recordPaymentSession(deps.db, {
    orderId,
    provider: deps.gateway.kind,
    sessionId: session.id,
    checkoutUrl: session.url,
    expiresAt: session.expiresAt,
    amountMinor: subtotal + fees,
    currency: hold.currency,
  }).catch((error) => {
    // The same session came back for a retried checkout: it is recorded already.
    if (!isUniqueViolation(error)) throw error;
  });
  return { orderId, checkoutUrl: session.url };
}

/**
 * The fan lets go of a hold: its seats return to sale at once, an open order
 * for it is cancelled, and its payment page is closed so nobody pays late.
 * The hold goes first (releaseOwnHold); a payment settling in between finds it
 * released and takes the late-payment path (the seats again, or a refund).
 * On an event with a waiting room, a turn whose window is still live is given
 * back, so a fan who lets go to pick other seats does not queue again.
 */
export async function abandonHold(
  deps: Pick<CheckoutDeps, "db" | "holds" | "gateway" | "clock"> & { queue: QueueStore },
  options: { userId: string; holdId: string },
) {
  const outcome = await releaseOwnHold(deps.db, deps.holds, options);
  // Someone else's hold is "not found", so hold ids cannot be probed.
  if (!outcome) throw new AppError("NOT_FOUND", "No such hold.");
  if (outcome.released && outcome.queueEnabled) await deps.queue.reopen(outcome.eventId, options.userId, deps.clock());
  if (outcome.pendingOrderIds.length === 0) return;
  const sessions = await deps.db.$transaction(async (tx) => {
    const cancelled: string[] = [];
    for (const orderId of outcome.pendingOrderIds) {
      if (await transitionOrder(tx, orderId, "PENDING", "CANCELLED", { statusReason: "Released by the buyer." }))
        cancelled.push(orderId);
    }
    return openSessionIdsOf(tx, cancelled);
  });
  for (const sessionId of sessions) await deps.gateway.expireCheckoutSession(sessionId);
}
