import "server-only";
import type { DbOrTx } from "@/lib/db";

/**
 * Where a payment page that can no longer take a payment sends the fan: to the order once it
 * is paid (or was paid through another page), otherwise back to the event to pick again.
 * Only public facts and the order's id: the order page checks who may see it.
 */
export async function paymentPageReturn(db: DbOrTx, orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, event: { select: { slug: true, title: true } } },
  });
  if (!order) return null;
  const paid = order.status === "PAID" || order.status === "PARTIALLY_REFUNDED" || order.status === "REFUNDED";
  return paid
    ? ({ kind: "order", href: `/orders/${encodeURIComponent(order.id)}`, label: "View your order" } as const)
    : ({
        kind: "event",
        href: `/events/${encodeURIComponent(order.event.slug)}`,
        label: `Back to ${order.event.title}`,
      } as const);
}
