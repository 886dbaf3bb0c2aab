import type { Metadata } from "next";
import Link from "next/link";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { listVenues } from "@/lib/events/venues";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Venues" };

type Props = { params: Promise<{ orgSlug: string }> };

export default async function VenuesPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/venues`);
  const venues = await listVenues(services().db, { organizationId: organization.id });
  const base = `/organizer/${organization.slug}/venues`;
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Venues</h1>
          <p className="text-slate-600">
            {venues.length} {venues.length === 1 ? "venue" : "venues"} of {organization.name}
          </p>
        </div>
        <Link
          href={`${base}/new`}
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          Add a venue
        </Link>
      </div>
      {venues.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          No venues yet. Add one, then draw its seat map; events are created from a saved seat map.
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="venues">
          {venues.map((venue) => (
            <li key={venue.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <h2 className="font-semibold">
                <Link href={`${base}/${venue.id}`} className="text-brand-700 hover:underline">
                  {venue.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">
                {venue.city}
                {venue.region ? `, ${venue.region}` : ""} · {venue.country} · {venue.timeZone.replaceAll("_", " ")}
              </p>
              <p className="mt-2 text-sm text-slate-700">
                {venue.latestLayout ? (
                  <>
                    Seat map version {venue.latestLayout.version}:{" "}
                    {venue.latestLayout.seatCount.toLocaleString("en-US")} seats
                    {venue.latestLayout.standingCapacity
                      ? ` + ${venue.latestLayout.standingCapacity.toLocaleString("en-US")} standing`
                      : ""}
                  </>
                ) : (
                  <span className="font-medium text-amber-900">No seat map yet</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
