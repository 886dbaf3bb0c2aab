import Link from "next/link";
import type { EventDashboardState, OrganizationEvent } from "@/lib/events/dashboard";
import { formatEventDate } from "@/lib/format";

const stateLabel: Record<EventDashboardState, { text: string; style: string }> = {
  draft: { text: "Draft", style: "bg-slate-200 text-slate-800" },
  "not-yet-on-sale": { text: "On sale soon", style: "bg-amber-100 text-amber-900" },
  "on-sale": { text: "On sale", style: "bg-green-100 text-green-900" },
  "sold-out": { text: "Sold out", style: "bg-brand-100 text-brand-900" },
  past: { text: "Past", style: "bg-slate-100 text-slate-700" },
  cancelled: { text: "Cancelled", style: "bg-red-100 text-red-900" },
};

/** An organization's events with their state and sales; the title links to where the organizer manages it. */
export function EventTable({
  events,
  hrefFor,
}: {
  events: OrganizationEvent[];
  hrefFor: (e: OrganizationEvent) => string;
}) {
  if (events.length === 0) return <p className="text-slate-600">None.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="organizer-events">
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="hidden px-3 py-2 sm:table-cell">
              Venue
            </th>
            <th scope="col" className="px-3 py-2">
              State
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Sold
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="px-3 py-2 font-medium">
                <Link href={hrefFor(event)} className="hover:underline">
                  {event.title}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatEventDate(event.startsAt, event.venue.timeZone)}</td>
              <td className="hidden px-3 py-2 sm:table-cell">
                {event.venue.name}, {event.venue.city}
              </td>
              <td className="px-3 py-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${stateLabel[event.state].style}`}>
                  {stateLabel[event.state].text}
                </span>
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                {event.sales.sold.toLocaleString("en-US")} / {event.sales.capacity.toLocaleString("en-US")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
