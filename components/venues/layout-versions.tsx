import Link from "next/link";
import type { VenueDetails } from "@/lib/events/venues";

const dateFormat = (timeZone: string) =>
  // "Dec 1, 2026, 1:05 PM EST" (dateStyle cannot be combined with timeZoneName).
  new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });

/** A venue's saved seat maps, newest first; each can be opened in the builder as the start of the next version. */
export function LayoutVersions({ venue, builderHref }: { venue: VenueDetails; builderHref: string }) {
  if (venue.layouts.length === 0) {
    return <p className="text-slate-700">No seat map saved yet.</p>;
  }
  const format = dateFormat(venue.timeZone);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="layout-versions">
        <caption className="sr-only">Saved seat-map versions, newest first</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              Version
            </th>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Seats
            </th>
            <th scope="col" className="hidden px-3 py-2 text-right sm:table-cell">
              Standing
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Saved
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {venue.layouts.map((layout) => (
            <tr key={layout.id}>
              <td className="px-3 py-2 font-semibold">v{layout.version}</td>
              <td className="px-3 py-2">{layout.name}</td>
              <td className="px-3 py-2 text-right tabular-nums">{layout.seatCount.toLocaleString("en-US")}</td>
              <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">
                {layout.standingCapacity.toLocaleString("en-US")}
              </td>
              <td className="hidden px-3 py-2 md:table-cell">
                {format.format(layout.createdAt)}
                {layout.createdByName ? ` by ${layout.createdByName}` : ""}
              </td>
              <td className="px-3 py-2 text-right">
                <Link
                  href={`${builderHref}?version=${layout.version}`}
                  className="whitespace-nowrap text-brand-700 underline"
                >
                  Edit from v{layout.version}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
