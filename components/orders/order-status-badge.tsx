import type { OrderStatus } from "@/lib/generated/prisma/enums";

const styles: Record<OrderStatus, string> = {
  PENDING: "bg-amber-50 text-amber-900",
  PAID: "bg-green-50 text-green-900",
  PARTIALLY_REFUNDED: "bg-sky-50 text-sky-900",
  REFUNDED: "bg-slate-100 text-slate-800",
  EXPIRED: "bg-slate-100 text-slate-600",
  CANCELLED: "bg-slate-100 text-slate-600",
};

export const orderStatusLabel: Record<OrderStatus, string> = {
  PENDING: "Awaiting payment",
  PAID: "Paid",
  PARTIALLY_REFUNDED: "Partly refunded",
  REFUNDED: "Refunded",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${styles[status]}`}>
      {orderStatusLabel[status]}
    </span>
  );
}
