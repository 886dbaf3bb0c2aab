import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

// PENDING → PAID → (REFUNDED | PARTIALLY_REFUNDED), PENDING → (EXPIRED | CANCELLED),
// PARTIALLY_REFUNDED → REFUNDED. Nothing else, and each step is one guarded UPDATE.
const allowed: Record<OrderStatus, OrderStatus[]> = {
  PENDING: ["PAID", "EXPIRED", "CANCELLED"],
  PAID: ["REFUNDED", "PARTIALLY_REFUNDED"],
  PARTIALLY_REFUNDED: ["REFUNDED", "PARTIALLY_REFUNDED"],
  REFUNDED: [],
  EXPIRED: [],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}

/** Moves an order from `from` to `to`, or returns false if it was not in `from` any more. */
export async function transitionOrder(
  tx: Tx,
  orderId: string,
  from: OrderStatus,
  to: OrderStatus,
  data: { statusReason?: string; paidAt?: Date; refundedMinor?: number } = {},
): Promise<boolean> {
  if (!canTransition(from, to)) throw new AppError("INTERNAL", `Order status cannot go from ${from} to ${to}.`);
  const { count } = await tx.order.updateMany({ where: { id: orderId, status: from }, data: { status: to, ...data } });
  return count === 1;
}
