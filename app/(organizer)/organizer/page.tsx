import type { Metadata } from "next";
import Link from "next/link";
import { ORGANIZER_ACCESS } from "@/lib/auth/authorize";
import { requirePageActor } from "@/lib/auth/page-actor";
import { eventsManagedBy } from "@/lib/events/queries";
import { formatEventDate } from "@/lib/format";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Organizer dashboard" };

const statusStyle: Record<string, string> = {
  PUBLISHED: "bg-green-100 text-green-900",
  DRAFT: "bg-slate-200 text-slate-800",
  CANCELLED: "bg-red-100 text-red-900",
};

export default async function OrganizerHomePage() {
  const actor = await requirePageActor(ORGANIZER_ACCESS, "/organizer");
  const { scope, events } = await eventsManagedBy(services().db, { actor, limit: 200 });
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Your events</h1>
      <p className="mb-5 text-slate-600">
        {events.length} {events.length === 1 ? "event" : "events"}
        {scope === "all" ? " across every organization (admin view)" : ""}
      </p>
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
              <th scope="col" className="px-3 py-2">
                Venue
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((event) => (
              <tr key={event.id}>
                <td className="px-3 py-2 font-medium">
                  <Link href={`/events/${event.slug}`} className="hover:underline">
                    {event.title}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatEventDate(event.startsAt, event.venue.timeZone)}</td>
                <td className="px-3 py-2">
                  {event.venue.name}, {event.venue.city}
                </td>
                <td className="px-3 py-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusStyle[event.status] ?? ""}`}>
                    {event.status.toLowerCase()}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
