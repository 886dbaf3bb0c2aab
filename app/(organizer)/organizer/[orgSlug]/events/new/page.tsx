import type { Metadata } from "next";
import Link from "next/link";
import { NewEventForm } from "@/components/event-authoring/new-event-form";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { venuesForNewEvent } from "@/lib/events/authoring-queries";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "New event" };

type Props = { params: Promise<{ orgSlug: string }> };

export default async function NewEventPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/events/new`);
  const venues = await venuesForNewEvent(services().db, organization.id);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p className="text-sm">
        <Link href={`/organizer/${orgSlug}/events`} className="text-brand-700 underline">
          ← Events of {organization.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">New event</h1>
      {venues.length === 0 ? (
        <p className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900">
          Add a venue first: events take place at one of your organization&apos;s venues.
        </p>
      ) : (
        <NewEventForm orgSlug={orgSlug} organizationId={organization.id} venues={venues} />
      )}
    </div>
  );
}
