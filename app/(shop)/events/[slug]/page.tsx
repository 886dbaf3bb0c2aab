import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventArt } from "@/components/events/event-art";
import { EventDescription } from "@/components/events/event-description";
import { EventImage } from "@/components/events/event-image";
import { EventJsonLd } from "@/components/events/event-json-ld";
import { TicketPanel } from "@/components/ticket-picker/ticket-panel";
import { eventShell } from "@/lib/events/event-page";
import { formatEventDate } from "@/lib/format";
import { services } from "@/lib/services";

type Props = { params: Promise<{ slug: string }> };

// Served from the full-route cache: rendered once per slug, then again when an organizer's change expires
// it on this instance (`expireEventPage`), or after a minute (how stale another instance's copy may get).
// Nothing on it may depend on who asks; its CSP has no nonce (lib/security/headers.ts, `isCachedPage`).
export const dynamic = "force-static";
export const revalidate = 60;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await eventShell((await params).slug);
  if (!event) return { title: "Event not found" };
  const when = formatEventDate(new Date(event.startsAt), event.venue.timeZone);
  const description = `${when} at ${event.venue.name}, ${event.venue.city}. ${event.description}`.slice(0, 200);
  return {
    title: event.title,
    description,
    alternates: { canonical: `/events/${event.slug}` },
    openGraph: { title: event.title, description, type: "website", url: `${services().appUrl}/events/${event.slug}` },
  };
}

/**
 * The event page is a shell of cached, display-only data (no ids, nothing that changes with
 * time or sales; see `eventShell`). The ticket panel reads the rest live in the browser:
 * sale state, what is left, and the seat map (its geometry from an immutable URL, then status
 * from the poll endpoint).
 */
export default async function EventPage({ params }: Props) {
  const event = await eventShell((await params).slug);
  if (!event) notFound();
  const { venue } = event;
  const cancelled = event.status === "CANCELLED";

  return (
    <article className="flex flex-col gap-6">
      <EventJsonLd event={event} url={`${services().appUrl}/events/${event.slug}`} />
      <header className="grid gap-4 md:grid-cols-[1fr_2fr] md:items-center">
        {event.imagePath ? (
          <EventImage path={event.imagePath} alt="" className="aspect-video w-full rounded-2xl" />
        ) : (
          <EventArt title={event.title} category={event.category} className="aspect-video w-full rounded-2xl" />
        )}
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{event.category.toLowerCase()}</p>
          <h1 className="text-3xl font-extrabold">{event.title}</h1>
          <p className="mt-1 text-lg text-slate-800">{formatEventDate(new Date(event.startsAt), venue.timeZone)}</p>
          <p className="text-slate-700">
            {venue.name}, {venue.address}, {venue.city}
            {venue.region ? `, ${venue.region}` : ""}
          </p>
          {event.performers.length > 0 && <p className="mt-1 text-slate-700">With {event.performers.join(", ")}</p>}
        </div>
      </header>

      {cancelled && (
        <p className="rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800">
          This event has been cancelled. Ticket holders are refunded automatically.
        </p>
      )}

      {event.queueEnabled && !cancelled && (
        <p className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-slate-800">
          <span>This on-sale has a waiting room: fans who arrive before it opens get a random place in line.</span>
          <Link href={`/events/${event.slug}/queue`} className="font-semibold text-brand-900 underline">
            Join the queue
          </Link>
        </p>
      )}

      <section aria-labelledby="tickets-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
        <h2 id="tickets-heading" className="text-lg font-bold">
          Tickets
        </h2>
        {cancelled ? (
          <p className="mt-2 text-sm text-slate-700">Tickets are no longer sold for this event.</p>
        ) : (
          <>
            <noscript>
              <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
                Turn on JavaScript to see what is left, choose seats on the map and buy tickets.
              </p>
            </noscript>
            <div className="mt-2">
              <TicketPanel
                slug={event.slug}
                shellTiers={event.ticketTypes}
                holdMinutes={event.holdMinutes}
                timeZone={event.venue.timeZone}
              />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading" className="text-lg font-bold">
          About
        </h2>
        <div className="mt-1">
          <EventDescription markdown={event.description} />
        </div>
        <p className="mt-2 text-sm text-slate-600">Presented by {event.organization.name}</p>
      </section>
    </article>
  );
}
