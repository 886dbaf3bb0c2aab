import type { Metadata } from "next";
import Link from "next/link";
import { OrganizerEventList } from "@/components/event-authoring/event-list";
import { MANAGING_ROLES, MEMBER_ROLES } from "@/lib/auth/memberships";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { organizationEvents, upcomingEventTotals } from "@/lib/events/authoring-queries";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Organizer dashboard" };

type Props = { params: Promise<{ orgSlug: string }> };

/** The overview shows the soonest events; the events page pages through all of them. */
const OVERVIEW_EVENTS = 20;

/** Every member's way in; check-in staff get it read-only, each event linking to its check-in page only. */
export default async function OrganizationOverviewPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}`, MEMBER_ROLES);
  const manages = role === "ADMIN" || (MANAGING_ROLES as readonly string[]).includes(role);
  const { db, clock } = services();
  const now = clock();
  const [{ events: upcoming, older }, totals] = await Promise.all([
    // Check-in staff work the door: drafts are not theirs to see.
    organizationEvents(db, {
      organizationId: organization.id,
      now,
      period: "upcoming",
      page: { limit: OVERVIEW_EVENTS },
      withDrafts: manages,
    }),
    upcomingEventTotals(db, { organizationId: organization.id, now }),
  ]);
  const { live, sold, capacity } = totals;
  const drafts = manages ? totals.drafts : 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{organization.name}</h1>
          <p className="text-slate-600" data-testid="overview-summary">
            {live} upcoming {live === 1 ? "event" : "events"} on sale or scheduled · {drafts}{" "}
            {drafts === 1 ? "draft" : "drafts"} · {sold.toLocaleString("en-US")} of {capacity.toLocaleString("en-US")}{" "}
            tickets sold
          </p>
        </div>
        {manages && (
          <Link
            href={`/organizer/${orgSlug}/events/new`}
            className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            New event
          </Link>
        )}
      </div>
      <section aria-labelledby="upcoming-heading" className="flex flex-col gap-2">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming
        </h2>
        {!manages && <p className="text-sm text-slate-600">Open an event to check its tickets in at the door.</p>}
        {upcoming.length ? (
          // Check-in staff go from each event straight to its door.
          <OrganizerEventList
            events={upcoming}
            base={`/organizer/${orgSlug}/events`}
            page={manages ? "" : "/check-in"}
          />
        ) : (
          <p className="text-slate-600">Nothing coming up yet.</p>
        )}
        {!manages && older && <p className="text-sm text-slate-600">The next {OVERVIEW_EVENTS} events are shown.</p>}
        {manages && (
          <Link
            href={`/organizer/${orgSlug}/events`}
            className="self-start text-sm font-medium text-brand-700 underline"
          >
            All events, past ones included
          </Link>
        )}
      </section>
    </div>
  );
}
