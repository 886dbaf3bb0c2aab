import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { pathId } from "@/lib/http-params";
import { capturedPaymentOf, refundByIdempotencyKey, refundTotalsOf } from "@/lib/payments/records";
import { authorizeOrder } from "./order-access";
import { scheduleRefund } from "./refund-payout";
import { voidRefundedTickets } from "./release-tickets";
import { transitionOrder } from "./state";

// An organizer refunds an order, in full or in part: ticket by ticket (each ticket gives back its
// all-in price, price plus fee, as the buyer paid it; the tickets are voided), or an amount (no ticket
// is voided unless the amount is all that is left). The money goes back through the payment
// gateway: the refund is recorded here, in one transaction with everything it changes, and paid out
// by the worker (refund-payout.ts). A request carries an idempotency key: the same key on the same
// order gives back the first refund, whatever the number of clicks or retries.

export const refundRequest = z
  .strictObject({
    ticketIds: z.array(pathId).min(1).max(100).optional(),
    amountMinor: z.number().int().positive().max(100_000_000).optional(),
    reason: z.string().trim().min(1).max(500),
    keepSeatsOffSale: z.boolean().default(false),
  })
  .refine((r) => (r.ticketIds === undefined) !== (r.amountMinor === undefined), {
    message: "Send either ticketIds or amountMinor.",
    path: ["ticketIds"],
  });
export type RefundRequest = z.infer<typeof refundRequest>;

/** What an Idempotency-Key may be: what Stripe accepts, printable and at most 255 characters. */
export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);

const REFUNDABLE: OrderStatus[] = ["PAID", "PARTIALLY_REFUNDED"];

export type RefundView = {
  id: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  status: string;
  ticketIds: string[];
  createdAt: Date;
};

/** The same request hashes the same however its ticket ids are ordered. */
function requestHash(request: RefundRequest): string {
  const canonical = {
    ticketIds: request.ticketIds ? [...new Set(request.ticketIds)].sort() : null,
    amountMinor: request.amountMinor ?? null,
    reason: request.reason,
    keepSeatsOffSale: request.keepSeatsOffSale,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

const refundViewSelect = {
  id: true,
  orderId: true,
  amountMinor: true,
  currency: true,
  reason: true,
  status: true,
  ticketIds: true,
  createdAt: true,
} as const;

/**
 * Refunds an order as its organizer (owners, managers, admins). Returns the refund and whether it
 * was made now or earlier under the same key. Throws IDEMPOTENCY_KEY_REUSED when the key was used
 * for a different request, CONFLICT when the order is not paid, a ticket is already void, or the
 * amount is more than is left to refund.
 */
export async function refundOrder(
  deps: { db: Db },
  options: { actor: Actor; orderId: string; request: RefundRequest; idempotencyKey: string; organizationId?: string },
): Promise<{ refund: RefundView; replayed: boolean }> {
  const access = await authorizeOrder(deps.db, options.actor, options.orderId, {
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
  });
  const hash = requestHash(options.request);
  return deps.db.$transaction(
    async (tx) => {
      // Every refund of an order takes its row lock first, so two requests (one key or two) run one
      // after the other and the second sees what the first did.
      const [order] = await tx.$queryRaw<
        { status: OrderStatus; totalMinor: number; refundedMinor: number; currency: string }[]
      >`SELECT status, "totalMinor", "refundedMinor", currency FROM orders WHERE id = ${access.id} FOR UPDATE`;
      if (!order) throw new AppError("NOT_FOUND", "No such order.");

      const earlier = await refundByIdempotencyKey(tx, access.id, options.idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== hash) {
          throw new AppError(
            "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used for a different refund of this order. Use a new key for a new refund.",
          );
        }
        const refund = await tx.refund.findUniqueOrThrow({ where: { id: earlier.id }, select: refundViewSelect });
        return { refund, replayed: true };
      }

      if (!REFUNDABLE.includes(order.status)) {
        throw new AppError("CONFLICT", `Only a paid order can be refunded; this one is ${order.status.toLowerCase()}.`);
      }
      const refunds = await refundTotalsOf(tx, access.id);
      const refundableMinor =
        order.totalMinor - Math.max(order.refundedMinor, refunds.succeededMinor + refunds.pendingMinor);
      if (refundableMinor <= 0) throw new AppError("CONFLICT", "Nothing is left to refund on this order.");

      const amountMinor = options.request.ticketIds
        ? Math.min(refundableMinor, await ticketsValue(tx, access.id, options.request.ticketIds))
        : options.request.amountMinor!;
      if (amountMinor > refundableMinor) {
        throw new AppError("CONFLICT", "That is more than is left to refund on this order.", { refundableMinor });
      }
      const payment = await capturedPaymentOf(tx, access.id);
      if (!payment) throw new AppError("CONFLICT", "This order has no captured payment to refund.");

      const full = amountMinor === refundableMinor;
      const to: OrderStatus = full ? "REFUNDED" : "PARTIALLY_REFUNDED";
      if (!(await transitionOrder(tx, access.id, order.status, to, { statusReason: options.request.reason }))) {
        throw new AppError("CONFLICT", "The order changed meanwhile; reload it and try again.");
      }
      // Refunding what is left refunds the evening: every ticket still valid goes, not only those named.
      const voided = await voidRefundedTickets(tx, access.id, {
        ...(full ? {} : { ticketIds: options.request.ticketIds ?? [] }),
        keepOffSale: options.request.keepSeatsOffSale,
      });
      const created = await scheduleRefund(tx, {
        orderId: access.id,
        paymentId: payment.id,
        amountMinor,
        currency: order.currency,
        reason: options.request.reason,
        idempotency: { key: options.idempotencyKey, requestHash: hash },
        ticketIds: voided.map((t) => t.id),
      });
      await recordAudit(tx, {
        actorId: options.actor.userId,
        organizationId: access.organizationId,
        action: "order.refunded",
        entityType: "order",
        entityId: access.id,
        before: { status: order.status },
        after: { status: to },
        details: {
          refundId: created.id,
          amountMinor,
          reason: options.request.reason,
          ticketIds: voided.map((t) => t.id),
          keepSeatsOffSale: options.request.keepSeatsOffSale,
        },
      });
      const refund = await tx.refund.findUniqueOrThrow({ where: { id: created.id }, select: refundViewSelect });
      return { refund, replayed: false };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}

/** What the named tickets of the order give back (their all-in prices); each must be the order's and still valid. */
async function ticketsValue(tx: Tx, orderId: string, ticketIds: string[]): Promise<number> {
  const unique = [...new Set(ticketIds)];
  const tickets = await tx.ticket.findMany({
    where: { id: { in: unique }, orderId },
    select: { id: true, status: true, orderItem: { select: { unitPriceMinor: true, unitFeeMinor: true } } },
  });
  const missing = unique.filter((id) => !tickets.some((t) => t.id === id));
  if (missing.length) {
    throw new AppError("VALIDATION_FAILED", "These tickets are not part of this order.", { ticketIds: missing });
  }
  const voided = tickets.filter((t) => t.status !== "ISSUED").map((t) => t.id);
  if (voided.length) throw new AppError("CONFLICT", "These tickets are already void.", { ticketIds: voided });
  return tickets.reduce((sum, t) => sum + t.orderItem.unitPriceMinor + t.orderItem.unitFeeMinor, 0);
}
