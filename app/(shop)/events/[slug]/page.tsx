import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EventArt } from "@/components/events/event-art";
import { db } from "@/lib/db";
import { findPublicEventBySlug } from "@/lib/events/queries";
import { formatEventDate, formatMoney } from "@/lib/format";

const loadEvent = cache((slug: string) => findPublicEventBySlug(db, slug));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).slug);
  return event ? { title: event.title, description: event.description.slice(0, 160) } : { title: "Event not found" };
}

export default async function EventPage({ params }: Props) {
  const event = await loadEvent((await params).slug);
  if (!event) notFound();
  const { venue } = event;
  return (
    <article className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div>
        <EventArt title={event.title} category={event.category} className="aspect-video w-full rounded-2xl" />
        <h1 className="mt-4 text-3xl font-extrabold">{event.title}</h1>
        {event.status === "CANCELLED" && (
          <p className="mt-2 rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800">
            This event has been cancelled.
          </p>
        )}
        <p className="mt-2 text-lg text-slate-800">{formatEventDate(event.startsAt, venue.timeZone)}</p>
        <p className="text-slate-700">
          {venue.name}, {venue.address}, {venue.city}
          {venue.region ? `, ${venue.region}` : ""}
        </p>
        <p className="mt-4 whitespace-pre-line text-slate-800">{event.description}</p>
        <p className="mt-2 text-sm text-slate-600">Presented by {event.organization.name}</p>
      </div>
      <aside aria-labelledby="tickets-heading" className="h-fit rounded-2xl border border-slate-200 bg-white p-4">
        <h2 id="tickets-heading" className="mb-3 text-lg font-bold">
          Tickets
        </h2>
        <ul className="divide-y divide-slate-100">
          {event.ticketTypes.map((type) => (
            <li key={type.id} className="flex items-center justify-between py-2">
              <span>{type.name}</span>
              <span className="font-semibold">{formatMoney(type.priceMinor + type.feeMinor, type.currency)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-600">Prices include all fees.</p>
      </aside>
    </article>
  );
}
