import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DoorScanner } from "@/components/check-in/door-scanner";
import { MEMBER_ROLES } from "@/lib/auth/memberships";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { checkInStats } from "@/lib/check-in/stats";
import { isOrganizationEvent } from "@/lib/events/authoring-queries";
import { eventSummary } from "@/lib/events/queries";
import { formatEventDate } from "@/lib/format";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Check-in" };

type Props = { params: Promise<{ orgSlug: string; eventId: string }> };

/** The door of one event, for every member of its organization (check-in staff first): made for a phone. */
export default async function CheckInPage({ params }: Props) {
  const { orgSlug, eventId } = await params;
  const { actor, organization } = await requireOrganizationPage(
    orgSlug,
    `/organizer/${orgSlug}/events/${eventId}/check-in`,
    MEMBER_ROLES,
  );
  const { db } = services();
  if (!(await isOrganizationEvent(db, { organizationId: organization.id, eventId }))) notFound();
  const [event, stats] = await Promise.all([eventSummary(db, eventId), checkInStats(db, { actor, eventId })]);
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-4">
      <header>
        <h1 className="text-xl leading-tight font-bold">Check-in: {event.title}</h1>
        <p className="text-sm text-slate-600">
          {formatEventDate(event.startsAt, event.venue.timeZone)} · {event.venue.name}, {event.venue.city}
        </p>
      </header>
      <DoorScanner eventId={eventId} initialStats={stats} />
    </div>
  );
}
