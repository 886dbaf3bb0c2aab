import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { authorizeEvent } from "@/lib/events/event-access";
import { expireEventPage } from "@/lib/events/event-page";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { eventStatus, markEventCancelled } from "@/lib/events/edits";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { releaseEventHolds } from "@/lib/inventory/holds";
import { log } from "@/lib/log";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import type { PaymentGateway } from "@/lib/payments/gateway";
import {
  capturedPaymentOf,
  openSessionIdsOf,
  openSessionIdsOfEvent,
  refundCountsForEvent,
  refundTotalsOf,
} from "@/lib/payments/records";
import { enqueueOrderEmail } from "./emails";
import { scheduleRefund } from "./refund-payout";
import { transitionOrder } from "./state";
import { voidIssuedTickets } from "./tickets";

// Cancelling an event (docs/architecture.md, "Cancelling an event"): at once, in
// one transaction, the event becomes CANCELLED, open orders are cancelled and
// holds released; then the worker refunds every paid order, one order per
// transaction, through the outbox topic below.

export const CANCEL_EVENT_TOPIC = "orders.cancel-event";

/** The status reason of every order a cancellation closes or refunds. */
export const EVENT_CANCELLED_REASON = "The event was cancelled.";

/** What an organizer may say when cancelling; it reaches the buyers' e-mails. */
export const cancelEventInput = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

export type CancelEventDeps = { db: Db; holds: HoldStore; gateway: PaymentGateway; clock: () => Date };

export type CancelEventResult = {
  outcome: "cancelled" | "already-cancelled";
  /** For expiring the cached event page (`expireEventPage`) from the entry point. */
  slug: string;
  pendingOrdersCancelled: number;
  holdsReleased: number;
};

const cancelEventPayload = z.object({ eventId: z.string(), note: z.string().optional() });

/**
 * Cancels an event. In one transaction: the event goes DRAFT/PUBLISHED →
 * CANCELLED (first, so payments settling now wait for it or see it), orders
 * whose payment page is open are CANCELLED, live holds are released, and one
 * persistent `orders.cancel-event` message is queued; after the commit the open
 * payment pages are closed. The refunds are the worker's (`cancelEventHandler`).
 * Cancelling a cancelled event changes nothing and says so.
 */
export async function cancelEvent(
  deps: CancelEventDeps,
  options: { eventId: string; actorUserId?: string; reason?: string },
): Promise<CancelEventResult> {
  const now = deps.clock();
  const done = await deps.db.$transaction(
    async (tx) => {
      const { outcome, slug, organizationId } = await markEventCancelled(tx, options.eventId, now);
      if (outcome === "already-cancelled") {
        return { outcome, slug, pendingOrdersCancelled: 0, holdsReleased: 0, sessionIds: [] };
      }
      const cancelled = await cancelPendingOrders(tx, options.eventId);
      const holdsReleased = await releaseEventHolds(tx, deps.holds, options.eventId);
      await recordAudit(tx, {
        actorId: options.actorUserId ?? null,
        organizationId,
        action: "event.cancelled",
        entityType: "event",
        entityId: options.eventId,
        after: { status: "CANCELLED" },
        details: { pendingOrdersCancelled: cancelled.length, ...(options.reason ? { reason: options.reason } : {}) },
      });
      await enqueueOutbox(tx, {
        topic: CANCEL_EVENT_TOPIC,
        payload: { eventId: options.eventId, ...(options.reason ? { note: options.reason } : {}) },
      });
      const sessionIds = await openSessionIdsOf(tx, cancelled);
      return { outcome, slug, pendingOrdersCancelled: cancelled.length, holdsReleased, sessionIds };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  const { sessionIds, ...result } = done;
  if (result.outcome === "cancelled") {
    log.info(
      { eventId: options.eventId, actorUserId: options.actorUserId, reason: options.reason, ...result },
      "event cancelled",
    );
  }
  // A page that cannot be closed now is tried again by the worker's job; a payment made on it meanwhile is
  // refunded by settlement, because its order is no longer PENDING.
  await closePaymentPages(deps.gateway, sessionIds);
  return result;
}

async function cancelPendingOrders(tx: Tx, eventId: string): Promise<string[]> {
  const pending = await tx.order.findMany({
    where: { eventId, status: "PENDING" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const cancelled: string[] = [];
  for (const { id } of pending) {
    if (await transitionOrder(tx, id, "PENDING", "CANCELLED", { statusReason: EVENT_CANCELLED_REASON })) {
      cancelled.push(id);
    }
  }
  return cancelled;
}

async function closePaymentPages(gateway: PaymentGateway, sessionIds: string[]) {
  for (const sessionId of sessionIds) {
    await gateway.expireCheckoutSession(sessionId).catch((error: unknown) => {
      log.warn({ sessionId, err: error }, "could not close the payment page of a cancelled event's order");
    });
  }
}

const REFUNDABLE: OrderStatus[] = ["PAID", "PARTIALLY_REFUNDED"];

/**
 * Refunds one paid order of a cancelled event, in a transaction of its own:
 * the order row is locked and re-read, and only an order still PAID or
 * PARTIALLY_REFUNDED is touched, so running this twice, or after a crash at any
 * point, refunds nobody twice. What is refunded is the total less what the
 * provider has refunded already (Stripe's running total, or our confirmed
 * refunds) and less our refunds still on their way.
 */
async function refundCancelledOrder(
  db: Db,
  orderId: string,
  note: string | undefined,
): Promise<"refunded" | "skipped"> {
  return db.$transaction(async (tx) => {
    const [order] = await tx.$queryRaw<
      { status: OrderStatus; totalMinor: number; refundedMinor: number; currency: string }[]
    >`SELECT status, "totalMinor", "refundedMinor", currency FROM orders WHERE id = ${orderId} FOR UPDATE`;
    if (!order || !REFUNDABLE.includes(order.status)) return "skipped";
    const refunds = await refundTotalsOf(tx, orderId);
    const already = Math.max(order.refundedMinor, refunds.succeededMinor + refunds.pendingMinor);
    const amountMinor = Math.max(0, order.totalMinor - already);

    await transitionOrder(tx, orderId, order.status, "REFUNDED", { statusReason: EVENT_CANCELLED_REASON });
    // The seats stay sold: nothing goes back on sale for an event that will not take place.
    await voidIssuedTickets(tx, orderId);
    if (amountMinor > 0) {
      const payment = await capturedPaymentOf(tx, orderId);
      // Rolls this order back; it stays PAID, is reported, and is tried again on the next delivery.
      if (!payment) throw new Error(`order ${orderId} is ${order.status} but has no captured payment to refund`);
      await scheduleRefund(tx, {
        orderId,
        paymentId: payment.id,
        amountMinor,
        currency: order.currency,
        reason: EVENT_CANCELLED_REASON,
        notify: false,
      });
    }
    await enqueueOrderEmail(tx, { kind: "cancelled", orderId, refundMinor: amountMinor, ...(note ? { note } : {}) });
    return "refunded";
  });
}

/** The next paid orders of an event after `afterId`, in id order (keyset pagination). */
function refundableOrderIds(db: DbOrTx, eventId: string, afterId: string, limit: number) {
  return db.order
    .findMany({
      where: { eventId, status: { in: REFUNDABLE }, id: { gt: afterId } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: limit,
    })
    .then((rows) => rows.map((r) => r.id));
}

/**
 * The worker's side of a cancellation (topic `orders.cancel-event`, persistent):
 * refunds the event's PAID and PARTIALLY_REFUNDED orders in batches of
 * `batchSize` by id, each in its own short transaction (`refundCancelledOrder`),
 * and closes payment pages still open. After `ordersPerDelivery` refunds it
 * queues a fresh message for the rest and returns, so one large event neither
 * occupies the worker for minutes nor outlives its delivery lease. An order
 * that cannot be refunded is logged and skipped; the delivery then fails so the
 * outbox retries it (and reports it as stuck if it never works).
 */
export function cancelEventHandler(
  deps: { db: Db; gateway: PaymentGateway },
  options: { batchSize?: number; ordersPerDelivery?: number } = {},
): OutboxHandler {
  const batchSize = options.batchSize ?? 50;
  const ordersPerDelivery = options.ordersPerDelivery ?? 500;
  return async (raw) => {
    const { eventId, note } = cancelEventPayload.parse(raw);
    // The message is a hint: refund only for an event that really is cancelled.
    const status = await eventStatus(deps.db, eventId);
    if (status !== "CANCELLED") {
      log.error({ eventId, status }, "orders.cancel-event for an event that is not cancelled; nothing refunded");
      return;
    }
    await closePaymentPages(
      deps.gateway,
      await openSessionIdsOfEvent(deps.db, { eventId, orderStatuses: ["CANCELLED"] }),
    );

    const failed: string[] = [];
    let refunded = 0;
    let afterId = "";
    for (;;) {
      const ids = await refundableOrderIds(deps.db, eventId, afterId, batchSize);
      if (ids.length === 0) break;
      for (const orderId of ids) {
        try {
          if ((await refundCancelledOrder(deps.db, orderId, note)) === "refunded") refunded++;
        } catch (error) {
          failed.push(orderId);
          log.error({ eventId, orderId, err: error }, "could not refund an order of a cancelled event");
        }
      }
      afterId = ids.at(-1)!;
      if (refunded >= ordersPerDelivery && failed.length === 0) {
        // The rest in a delivery of its own. Should this one be delivered again as well (a crash before it is
        // marked done), the two only meet at order locks: each order is still refunded once.
        await enqueueOutbox(deps.db, { topic: CANCEL_EVENT_TOPIC, payload: { eventId, ...(note ? { note } : {}) } });
        log.info({ eventId, refunded }, "cancelled event: refunds continue in the next delivery");
        return;
      }
    }
    if (refunded > 0) log.info({ eventId, refunded }, "cancelled event: orders refunded");
    if (failed.length > 0) {
      throw new Error(
        `${failed.length} order(s) of cancelled event ${eventId} could not be refunded: ${failed.join(", ")}`,
      );
    }
  };
}

export type CancellationProgress = {
  /** Paid orders the worker has still to refund (PAID or PARTIALLY_REFUNDED). */
  ordersToRefund: number;
  /** Orders of the event that are REFUNDED (by the cancellation, or before it). */
  ordersRefunded: number;
  /** Refunds of the event's orders the provider has confirmed. */
  refundsPaidOut: number;
  /** Refunds decided but not yet confirmed by the provider (the worker keeps trying). */
  refundsPending: number;
  /** Refunds the provider refused: a person has to look. */
  refundsFailed: number;
  /** Nothing left to refund or to pay out, and nothing refused. */
  done: boolean;
};

/**
 * How far the refunds of a (cancelled) event have got, for the organizer's
 * event page: a handful of counts, read in two grouped queries.
 */
export async function cancellationProgress(db: DbOrTx, eventId: string): Promise<CancellationProgress> {
  const [orders, refunds] = await Promise.all([
    db.order.groupBy({
      by: ["status"],
      where: { eventId, status: { in: [...REFUNDABLE, "REFUNDED"] } },
      _count: { _all: true },
    }),
    refundCountsForEvent(db, eventId),
  ]);
  const count = (statuses: OrderStatus[]) =>
    orders.filter((o) => statuses.includes(o.status)).reduce((sum, o) => sum + o._count._all, 0);
  const ordersToRefund = count(REFUNDABLE);
  return {
    ordersToRefund,
    ordersRefunded: count(["REFUNDED"]),
    refundsPaidOut: refunds.succeeded,
    refundsPending: refunds.pending,
    refundsFailed: refunds.failed,
    done: ordersToRefund === 0 && refunds.pending === 0 && refunds.failed === 0,
  };
}

/**
 * An organizer (owner or manager of the event's organization) cancels an event: the dashboard's
 * action and `POST /api/v1/events/{id}/cancel` both come here. The public page is expired at once.
 */
export async function cancelEventAsOrganizer(
  deps: CancelEventDeps,
  options: { actor: Actor; eventId: string; reason?: string },
): Promise<CancelEventResult> {
  const event = await authorizeEvent(deps.db, options.actor, options.eventId);
  const result = await cancelEvent(deps, {
    eventId: event.id,
    actorUserId: options.actor.userId,
    ...(options.reason ? { reason: options.reason } : {}),
  });
  expireEventPage(event.slug);
  return result;
}
