import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueOrderEmail } from "./emails";
import { authorizeOrder } from "./order-access";

/**
 * Sends the buyer their confirmation e-mail again ("I never got my tickets"), through the same outbox
 * message the sale sends. Only for an order that has tickets to show: PAID or PARTIALLY_REFUNDED.
 */
export async function resendConfirmation(db: Db, options: { actor: Actor; orderId: string; organizationId?: string }) {
  const order = await authorizeOrder(db, options.actor, options.orderId, {
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
  });
  if (order.status !== "PAID" && order.status !== "PARTIALLY_REFUNDED") {
    throw new AppError("CONFLICT", "Only a paid order has a confirmation to send.");
  }
  await db.$transaction(async (tx) => {
    await enqueueOrderEmail(tx, { kind: "confirmed", orderId: order.id });
    await recordAudit(tx, {
      actorId: options.actor.userId,
      organizationId: order.organizationId,
      action: "order.confirmation_resent",
      entityType: "order",
      entityId: order.id,
    });
  });
}
