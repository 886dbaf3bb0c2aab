import type { Metadata } from "next";
import Link from "next/link";
import { Empty, Rows, SearchForm, TextInput, Timestamp } from "@/components/admin/ui";
import { KeysetPager } from "@/components/pagination/keyset-pager";
import { ADMIN_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { formatMoney } from "@/lib/format";
import { pageFromSearch, searchParam, type SearchParams } from "@/lib/keyset";
import { lookUpOrders } from "@/lib/orders/order-lookup";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Order lookup · Site admin" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requirePageActor(ADMIN_ACCESS, "/admin/orders");
  const search = await searchParams;
  const query = searchParam(search, "q") ?? "";
  const { items, older, newer } = await lookUpOrders(services().db, { query, page: pageFromSearch(search, 50) });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Order lookup</h1>
      <p className="text-slate-600">
        Across every organization: an order number, an order id, a ticket code or the buyer&apos;s e-mail.
      </p>
      <SearchForm action="/admin/orders">
        <TextInput name="q" label="Order number, id, ticket code or e-mail" defaultValue={query} required />
      </SearchForm>
      {query === "" ? null : items.length === 0 ? (
        <Empty>No orders match “{query}”.</Empty>
      ) : (
        <Rows testId="orders">
          {items.map((order) => (
            <li key={order.id}>
              <Link
                href={`/organizer/${order.event.organization.slug}/orders/${order.id}`}
                className="grid gap-1 px-4 py-3 hover:bg-slate-50 md:grid-cols-[2fr_2fr_1fr_auto] md:items-center md:gap-4"
              >
                <span className="min-w-0">
                  <span className="block truncate font-semibold">Order #{order.number}</span>
                  <span className="block truncate text-sm text-slate-600">
                    {order.email} ({order.user.name})
                  </span>
                </span>
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{order.event.title}</span>
                  <span className="block truncate text-sm text-slate-600">{order.event.organization.name}</span>
                </span>
                <span className="text-sm">
                  {order.status.toLowerCase().replaceAll("_", " ")} · {order._count.tickets} tickets ·{" "}
                  {formatMoney(order.totalMinor, order.currency)}
                  {order.refundedMinor > 0 && ` (${formatMoney(order.refundedMinor, order.currency)} refunded)`}
                </span>
                <span className="text-sm text-slate-600">
                  <Timestamp at={order.createdAt} />
                </span>
              </Link>
            </li>
          ))}
        </Rows>
      )}
      <KeysetPager path="/admin/orders" query={{ q: query }} newer={newer} older={older} />
    </div>
  );
}
