import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-actor";
import { formatEventDate } from "@/lib/format";
import { ticketsOfFan } from "@/lib/orders/queries";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "My tickets", robots: { index: false } };

type Orders = Awaited<ReturnType<typeof ticketsOfFan>>["upcoming"];

function OrderList({ orders, empty }: { orders: Orders; empty: string }) {
  if (orders.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {orders.map((order) => (
        <li key={order.id}>
          <Link
            href={`/orders/${order.id}`}
            className="block rounded-xl border border-slate-200 bg-white p-4 hover:shadow"
          >
            <p className="font-semibold">{order.event.title}</p>
            <p className="text-sm text-slate-700">
              {formatEventDate(order.event.startsAt, order.event.venue.timeZone)} · {order.event.venue.name},{" "}
              {order.event.venue.city}
            </p>
            <p className="text-sm text-slate-600">
              {order.tickets.length} {order.tickets.length === 1 ? "ticket" : "tickets"}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function MyTicketsPage() {
  const actor = await requirePageActor("signed-in", "/account/tickets");
  const { upcoming, past } = await ticketsOfFan(services().db, actor.userId);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">My tickets</h1>
      <h2 className="mb-2 text-lg font-semibold">Upcoming</h2>
      <OrderList orders={upcoming} empty="No upcoming events yet." />
      <h2 className="mt-8 mb-2 text-lg font-semibold">Past</h2>
      <OrderList orders={past} empty="No past events." />
    </div>
  );
}
