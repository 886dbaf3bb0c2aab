import Link from "next/link";
import { formatMoney } from "@/lib/format";
import type { OrderPage } from "@/lib/orders/order-list";
import { OrderStatusBadge } from "./order-status-badge";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * One page of orders, as a list of cards on a phone and a table from `md` up, with a link to the
 * next page that keeps the filters. `orderHref` builds each order's dashboard link.
 */
export function OrderTable({
  page,
  orderBase,
  nextHref,
  showEvent,
}: {
  page: OrderPage;
  orderBase: string;
  nextHref: string | null;
  showEvent: boolean;
}) {
  if (page.orders.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white px-4 py-6 text-center text-slate-700">
        No orders match.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <ul
        className="flex flex-col divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white"
        data-testid="order-list"
      >
        {page.orders.map((o) => (
          <li key={o.id}>
            <Link
              href={`${orderBase}/${encodeURIComponent(o.id)}`}
              className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50 md:grid-cols-[6rem_1fr_10rem_8rem_7rem]"
            >
              <span className="font-mono text-sm text-slate-700">#{o.number}</span>
              <span className="min-w-0">
                <span className="block truncate font-medium">{o.buyerName}</span>
                <span className="block truncate text-sm text-slate-600">{o.email}</span>
                {showEvent && <span className="block truncate text-sm text-slate-600">{o.eventTitle}</span>}
              </span>
              <span className="text-sm text-slate-600">{dateTime.format(o.createdAt)} UTC</span>
              <span className="text-sm">
                {formatMoney(o.totalMinor, o.currency)}
                <span className="block text-xs text-slate-600">
                  {o.tickets} ticket{o.tickets === 1 ? "" : "s"}
                  {o.voidedTickets > 0 ? `, ${o.voidedTickets} void` : ""}
                </span>
              </span>
              <span>
                <OrderStatusBadge status={o.status} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {nextHref && (
        <p>
          <Link href={nextHref} className="font-medium text-brand-700 underline">
            Next page
          </Link>
        </p>
      )}
    </div>
  );
}
