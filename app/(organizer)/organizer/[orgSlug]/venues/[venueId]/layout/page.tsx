import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { starterLayout } from "@/components/layout-builder/builder-state";
import { LayoutBuilder } from "@/components/layout-builder/layout-builder";
import { Breadcrumbs } from "@/components/venues/breadcrumbs";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { layoutInput } from "@/lib/events/layout/format";
import { layoutVersion } from "@/lib/events/venue-layouts";
import { venueDetails } from "@/lib/events/venues";
import { orNotFound } from "@/lib/pages";
import { services } from "@/lib/services";
import { saveLayoutAction } from "../../actions";

export const metadata: Metadata = { title: "Seat-map builder" };

type Props = {
  params: Promise<{ orgSlug: string; venueId: string }>;
  searchParams: Promise<{ version?: string }>;
};

export default async function LayoutBuilderPage({ params, searchParams }: Props) {
  const { orgSlug, venueId } = await params;
  const { version } = await searchParams;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/venues/${venueId}/layout`);
  const { db } = services();
  const venue = await orNotFound(() => venueDetails(db, { organizationId: organization.id, venueId }));
  const requested = version === undefined ? undefined : Number(version);
  if (requested !== undefined && !Number.isInteger(requested)) notFound();
  const saved = await layoutVersion(db, { venueId: venue.id, version: requested });
  if (requested !== undefined && !saved) notFound();
  // Saved documents are stored parsed; parsing again fills any default added to the format since.
  const document = saved ? layoutInput.safeParse(saved.document) : null;
  const base = `/organizer/${organization.slug}/venues`;
  const venueHref = `${base}/${venue.id}`;
  return (
    <div className="flex flex-col gap-2">
      <Breadcrumbs
        items={[{ label: "Venues", href: base }, { label: venue.name, href: venueHref }, { label: "Seat map" }]}
      />
      {document && !document.success && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          Version {saved?.version} can no longer be read by the builder; starting from an empty layout.
        </p>
      )}
      <LayoutBuilder
        venue={{ id: venue.id, name: venue.name, slug: venue.slug, href: venueHref }}
        initial={document?.success ? document.data : starterLayout(venue.name)}
        basedOn={document?.success ? saved!.version : null}
        nextVersion={(venue.layouts[0]?.version ?? 0) + 1}
        saveAction={saveLayoutAction}
      />
    </div>
  );
}
