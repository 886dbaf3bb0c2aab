import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-actor";
import { formatEventDate, ticketPlace } from "@/lib/format";
import { ticketsOfFan } from "@/lib/orders/queries";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "My tickets", robots: { index: false } };

type EventEntries = Awaited<ReturnType<typeof ticketsOfFan>>["upcoming"];

/** One card per event: its date and place once, then each order with its seats. */
function EventList({ events, empty }: { events: EventEntries; empty: string }) {
  if (events.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {events.map(({ event, orders, ticketCount }) => (
        <li key={event.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="event-tickets">
          <h3 className="font-semibold">
            <Link href={`/events/${event.slug}`} className="hover:underline">
              {event.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-700">
            {formatEventDate(event.startsAt, event.venue.timeZone)} · {event.venue.name}, {event.venue.city}
          </p>
          <p className="text-sm text-slate-600">
            {ticketCount} {ticketCount === 1 ? "ticket" : "tickets"}
            {orders.length > 1 && ` in ${orders.length} orders`}
          </p>
          <ul className="mt-2 flex flex-col gap-2">
            {orders.map((order) => (
              <li key={order.id} className="rounded-lg bg-slate-50 px-3 py-2">
                <Link href={`/orders/${order.id}`} className="font-medium text-brand-700 underline">
                  Order #{order.number}
                </Link>
                <ul className="text-sm text-slate-700" data-testid="order-seats">
                  {order.tickets.map((ticket) => (
                    <li key={ticket.code}>{ticketPlace(ticket)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
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
      <EventList events={upcoming} empty="No upcoming events yet." />
      <h2 className="mt-8 mb-2 text-lg font-semibold">Past</h2>
      <EventList events={past} empty="No past events." />
    </div>
  );
}
