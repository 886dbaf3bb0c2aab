import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { QueueRoom } from "@/components/queue/queue-room";
import { requirePageActor } from "@/lib/auth/page-actor";
import { formatEventDate } from "@/lib/format";
import { queuePageEvent } from "@/lib/queue/page";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Waiting room", robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

/** The event's waiting room: the fan's place, live, until their turn takes them to the tickets. */
export default async function QueuePage({ params }: Props) {
  const { slug } = await params;
  await requirePageActor("signed-in", `/events/${slug}/queue`);
  const event = await queuePageEvent(services().db, slug);
  if (!event) notFound();
  if (!event.queueEnabled) redirect(`/events/${event.slug}`);

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <div>
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Waiting room</p>
        <h1 className="text-2xl font-bold">{event.title}</h1>
        <p className="text-slate-700">
          {formatEventDate(event.startsAt, event.venue.timeZone)} · {event.venue.name}, {event.venue.city}
        </p>
      </div>
      <QueueRoom
        eventId={event.id}
        eventUrl={`/events/${event.slug}`}
        onSaleLabel={formatEventDate(event.onSaleAt, event.venue.timeZone)}
      />
    </div>
  );
}
