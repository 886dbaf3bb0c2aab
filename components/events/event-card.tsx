import Link from "next/link";
import type { EventCardData } from "@/lib/events/queries";
import { formatMoney, formatOnSaleDate, formatShortDate } from "@/lib/format";
import { EventArt } from "./event-art";

type CardEvent = EventCardData & { highlightedTitle?: string };

/** `now` is the request's time: whether tickets are on sale yet is decided once per page. */
export function EventCard({ event, now }: { event: CardEvent; now: Date }) {
  const date = formatShortDate(event.startsAt, event.venue.timeZone, now);
  const notYetOnSale = event.status === "PUBLISHED" && event.onSaleAt > now;
  return (
    <li className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/events/${event.slug}`} className="flex h-full flex-col">
        <EventArt title={event.title} category={event.category} className="aspect-video w-full" />
        <div className="flex flex-1 gap-3 p-3">
          <div className="flex w-12 shrink-0 flex-col items-center rounded-lg bg-brand-50 py-1 text-brand-900">
            <span className="text-xs font-semibold uppercase">{date.month}</span>
            <span className="text-xl leading-none font-bold">{date.day}</span>
            <span className="text-xs">{date.weekday}</span>
            {date.year && (
              <span className="text-xs font-semibold" data-testid="card-year">
                {date.year}
              </span>
            )}
          </div>
          <div className="min-w-0 flex-1">
            {event.highlightedTitle ? (
              // Escaped by the search engine; only <mark> is markup.
              <h3
                className="line-clamp-2 font-semibold text-slate-900"
                dangerouslySetInnerHTML={{ __html: event.highlightedTitle }}
              />
            ) : (
              <h3 className="line-clamp-2 font-semibold text-slate-900">{event.title}</h3>
            )}
            {/* The time on its own line: a long venue name may be cut short, the time never. */}
            <p className="text-sm font-medium text-slate-700" data-testid="card-time">
              {date.time}
            </p>
            <p className="truncate text-sm text-slate-600" title={`${event.venue.name}, ${event.venue.city}`}>
              {event.venue.name}, {event.venue.city}
            </p>
            {event.status === "CANCELLED" ? (
              <p className="mt-1 text-sm font-semibold text-red-700">Cancelled</p>
            ) : notYetOnSale ? (
              // Not buyable yet: when it will be, instead of a price that looks like a buy button.
              <p className="mt-1 text-sm font-semibold text-amber-800" data-testid="card-on-sale">
                On sale {formatOnSaleDate(event.onSaleAt, event.venue.timeZone, now)}
              </p>
            ) : event.fromPrice ? (
              <p className="mt-1 text-sm font-medium text-slate-800">
                From {formatMoney(event.fromPrice.amountMinor, event.fromPrice.currency)}
              </p>
            ) : null}
          </div>
        </div>
      </Link>
    </li>
  );
}

export function EventGrid({ events, now }: { events: CardEvent[]; now: Date }) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" data-testid="event-grid">
      {events.map((event) => (
        <EventCard key={event.id} event={event} now={now} />
      ))}
    </ul>
  );
}
