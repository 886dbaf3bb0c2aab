import type { Metadata } from "next";
import Link from "next/link";
import { EventStateBadge } from "@/components/event-authoring/event-state-badge";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { organizationEvents } from "@/lib/events/authoring-queries";
import { formatEventDate } from "@/lib/format";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Events" };

type Props = { params: Promise<{ orgSlug: string }> };

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

export default async function OrganizerEventsPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/events`);
  const { db, clock } = services();
  const events = await organizationEvents(db, { organizationId: organization.id, now: clock() });
  const base = `/organizer/${orgSlug}/events`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Events</h1>
          <p className="text-slate-600">
            {organization.name} · {events.length} {events.length === 1 ? "event" : "events"}
          </p>
        </div>
        <Link
          href={`${base}/new`}
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          New event
        </Link>
      </div>

      {events.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white px-4 py-6 text-center text-slate-700">
          No events yet. Create a draft; nothing is public until you publish it.
        </p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
          data-testid="event-list"
        >
          {events.map((event) => (
            <li key={event.id}>
              <Link
                href={`${base}/${event.id}`}
                className="grid gap-2 px-4 py-3 hover:bg-slate-50 md:grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_auto_10rem] md:items-center md:gap-4"
              >
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
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
