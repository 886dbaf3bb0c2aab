import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/venues/breadcrumbs";
import { LayoutVersions } from "@/components/venues/layout-versions";
import { VenueForm } from "@/components/venues/venue-form";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { venueTimeZones } from "@/lib/events/venue-input";
import { venueDetails } from "@/lib/events/venues";
import { orNotFound } from "@/lib/pages";
import { services } from "@/lib/services";
import { updateVenueAction } from "../actions";

export const metadata: Metadata = { title: "Venue" };

type Props = {
  params: Promise<{ orgSlug: string; venueId: string }>;
  searchParams: Promise<{ created?: string }>;
};

export default async function VenuePage({ params, searchParams }: Props) {
  const { orgSlug, venueId } = await params;
  const { created } = await searchParams;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/venues/${venueId}`);
  const venue = await orNotFound(() => venueDetails(services().db, { organizationId: organization.id, venueId }));
  const base = `/organizer/${organization.slug}/venues`;
  const builderHref = `${base}/${venue.id}/layout`;
  const latest = venue.layouts[0];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs items={[{ label: "Venues", href: base }, { label: venue.name }]} />
        <h1 className="text-2xl font-bold">{venue.name}</h1>
        <p className="text-slate-700">
          {venue.address}, {venue.city} · {venue.timeZone.replaceAll("_", " ")}
        </p>
      </div>
      {created && (
        <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-green-900">
          Venue created. Next, draw its seat map.
        </p>
      )}
      <section aria-labelledby="seat-map-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="seat-map-heading" className="text-lg font-semibold">
            Seat map
          </h2>
          <Link
            href={builderHref}
            className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            {latest ? `Edit seat map (from v${latest.version})` : "Draw the seat map"}
          </Link>
        </div>
        <p className="text-sm text-slate-700">
          Each save is a new version; saved versions never change, and events keep the version they were created from.
        </p>
        <LayoutVersions venue={venue} builderHref={builderHref} />
      </section>
      <section aria-labelledby="details-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
          <VenueForm
            action={updateVenueAction}
            timeZones={venueTimeZones()}
            hidden={{ venueId: venue.id }}
            venue={venue}
            submitLabel="Save details"
            pendingLabel="Saving…"
          />
        </div>
      </section>
    </div>
  );
}
