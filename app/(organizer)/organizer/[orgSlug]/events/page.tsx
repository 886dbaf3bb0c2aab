import type { Metadata } from "next";
import Link from "next/link";
import { OrganizerEventList } from "@/components/event-authoring/event-list";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { organizationEvents } from "@/lib/events/authoring-queries";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Events" };

type Props = { params: Promise<{ orgSlug: string }> };

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
        <OrganizerEventList events={events} base={base} />
      )}
    </div>
  );
}
