import Link from "next/link";
import type { OrganizationEventRow } from "@/lib/events/authoring-queries";
import { formatEventDate } from "@/lib/format";
import { EventStateBadge } from "./event-state-badge";

function Sold({ tickets }: { tickets: { sold: number; capacity: number } }) {
  const share = tickets.capacity ? Math.min(100, Math.round((tickets.sold / tickets.capacity) * 100)) : 0;
  return (
    <div className="min-w-32">
      <p className="text-sm tabular-nums">
        {tickets.sold.toLocaleString("en-US")} / {tickets.capacity.toLocaleString("en-US")} sold
      </p>
      <div className="mt-1 h-1.5 rounded-full bg-slate-200" aria-hidden>
        <div className="h-1.5 rounded-full bg-brand-600" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

const ROW = "grid gap-2 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_auto_10rem] md:items-center md:gap-4";

/**
 * An organization's events with their state and sales, each linking to its page in the dashboard
 * under `base` (followed by `page`, e.g. "/check-in" for door staff, who may not edit); without `base`
 * the rows are not links.
 */
export function OrganizerEventList({
  events,
  base,
  page = "",
}: {
  events: OrganizationEventRow[];
  base?: string;
  page?: string;
}) {
  return (
    <ul
      className="flex flex-col divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
      data-testid="event-list"
    >
      {events.map((event) => {
        const row = (
          <>
            <span className="min-w-0">
              <span className="block truncate font-semibold text-slate-900">{event.title}</span>
              <span className="block truncate text-sm text-slate-600">
                {event.venue.name}, {event.venue.city}
              </span>
            </span>
            <span className="text-sm text-slate-700">{formatEventDate(event.startsAt, event.venue.timeZone)}</span>
            <span>
              <EventStateBadge state={event.state} />
            </span>
            <Sold tickets={event.tickets} />
          </>
        );
        return (
          <li key={event.id}>
            {base ? (
              <Link href={`${base}/${event.id}${page}`} className={`${ROW} hover:bg-slate-50`}>
                {row}
              </Link>
            ) : (
              <div className={ROW}>{row}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
