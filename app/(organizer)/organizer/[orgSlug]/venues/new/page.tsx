import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/venues/breadcrumbs";
import { VenueForm } from "@/components/venues/venue-form";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { venueTimeZones } from "@/lib/events/venue-input";
import { createVenueAction } from "../actions";

export const metadata: Metadata = { title: "New venue" };

type Props = { params: Promise<{ orgSlug: string }> };

export default async function NewVenuePage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/venues/new`);
  return (
    <div className="max-w-2xl">
      <Breadcrumbs
        items={[{ label: "Venues", href: `/organizer/${organization.slug}/venues` }, { label: "New venue" }]}
      />
      <h1 className="mb-1 text-2xl font-bold">New venue</h1>
      <p className="mb-5 text-slate-700">Where it is and its time zone; you draw its seat map next.</p>
      <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <VenueForm
          action={createVenueAction}
          timeZones={venueTimeZones()}
          hidden={{ organizationId: organization.id, orgSlug: organization.slug }}
          submitLabel="Create venue"
          pendingLabel="Creating…"
        />
      </div>
    </div>
  );
}
