import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Countdown } from "@/components/checkout/countdown";
import { EventArt } from "@/components/events/event-art";
import { EventDescription } from "@/components/events/event-description";
import { EventImage } from "@/components/events/event-image";
import { EventJsonLd } from "@/components/events/event-json-ld";
import { GaPicker } from "@/components/ticket-picker/ga-picker";
import { ReservedPicker } from "@/components/ticket-picker/reserved-picker";
import { cachedEventPage } from "@/lib/events/event-page";
import { saleState } from "@/lib/events/sale-state";
import { formatEventDate, formatMoney } from "@/lib/format";
import { eventPageAvailability, ticketTiers } from "@/lib/inventory/availability";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await cachedEventPage((await params).slug);
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

function SaleState({
  event,
  now,
  soldOut,
}: {
  event: { status: string; onSaleAt: string; startsAt: string };
  now: Date;
  soldOut: boolean;
}) {
  const state = saleState(event, now);
  if (state === "cancelled") {
    return (
      <p className="rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800">
        This event has been cancelled. Ticket holders are refunded automatically.
      </p>
    );
  }
  if (state === "started")
    return <p className="rounded-lg bg-slate-100 px-3 py-2 font-medium">This event has already taken place.</p>;
  if (state === "not-yet-on-sale") {
    return (
      <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900" data-testid="on-sale-countdown">
        On sale {new Date(event.onSaleAt).toUTCString().slice(0, 22)} UTC ·{" "}
        <Countdown
          until={event.onSaleAt}
          label="until tickets go on sale"
          expiredText="Tickets are on sale now — reload the page"
        />
      </p>
    );
  }
  if (soldOut) return <p className="rounded-lg bg-slate-100 px-3 py-2 font-semibold">Sold out</p>;
  return null;
}

export default async function EventPage({ params }: Props) {
  const event = await cachedEventPage((await params).slug);
  if (!event) notFound();
  const { appUrl, clock } = services();
  const now = clock();
  const reserved = event.seats.length > 0;
  const { remaining, unavailable } = await eventPageAvailability(services(), { eventId: event.id, reserved, now });
  const tiers = ticketTiers(event.ticketTypes, remaining);

  const left = tiers.reduce((sum, t) => sum + t.remaining, 0);
  const onSale = saleState(event, now) === "on-sale" && left > 0;
  const { venue } = event;

  return (
    <article className="flex flex-col gap-6">
      <EventJsonLd event={event} url={`${appUrl}/events/${event.slug}`} remaining={left} />
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

      <SaleState event={event} now={now} soldOut={left === 0} />

      <section aria-labelledby="tickets-heading" className="rounded-2xl border border-slate-200 bg-white p-4">
        <h2 id="tickets-heading" className="text-lg font-bold">
          Tickets
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="ticket-types">
          {tiers.map((tier) => (
            <li key={tier.id}>
              <span className="font-medium">{tier.name}</span> {formatMoney(tier.allInPriceMinor, tier.currency)}{" "}
              <span className="text-slate-600">
                {tier.remaining === 0 ? "· Sold out" : tier.remaining <= 20 ? `· ${tier.remaining} left` : ""}
              </span>
            </li>
          ))}
        </ul>
        <p className="mb-4 text-xs text-slate-600">Prices include all fees. Holds last {event.holdMinutes} minutes.</p>
        {onSale &&
          (reserved ? (
            <ReservedPicker
              eventId={event.id}
              tiers={tiers}
              perOrderLimit={event.perOrderLimit}
              seats={event.seats.map((seat) => ({ ...seat, status: unavailable[seat.id] ?? "AVAILABLE" }))}
            />
          ) : (
            <GaPicker eventId={event.id} tiers={tiers} perOrderLimit={event.perOrderLimit} />
          ))}
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
